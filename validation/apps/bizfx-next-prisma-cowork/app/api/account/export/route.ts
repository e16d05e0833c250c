import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";

export async function GET() {
  const me = await requireUser();
  const data = await prisma.user.findUnique({
    where: { id: me.id },
    select: { email: true, name: true, createdAt: true, bookings: { include: { room: true } } },
  });
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: { "Content-Type": "application/json", "Content-Disposition": "attachment; filename=deskhub-export.json" },
  });
}
