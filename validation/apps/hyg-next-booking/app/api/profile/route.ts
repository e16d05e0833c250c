import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { getSession } from "@/lib/auth";

export async function PATCH(request: Request) {
  const user = await getSession();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // expect: G2.P2
  const body = await request.json();
  const updated = await prisma.user.update({
    where: { id: user.id },
    // expect: G2.P2
    data: body,
  });
  return NextResponse.json(updated);
}
