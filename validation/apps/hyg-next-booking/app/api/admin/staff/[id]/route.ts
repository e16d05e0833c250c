import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/auth";

const roleBody = z.object({ role: z.enum(["patient", "staff", "admin"]) });

export async function PATCH(request: Request, { params }: { params: { id: string } }) {
  await requireAdmin();
  // ok: G2.P2
  const { role } = roleBody.parse(await request.json());
  const user = await prisma.user.update({ where: { id: params.id }, data: { role } });
  return NextResponse.json({ id: user.id, role: user.role });
}
