import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";

export async function PATCH(req: Request) {
  const me = await requireUser();
  const { name } = await req.json();
  const user = await prisma.user.update({ where: { id: me.id }, data: { name } });
  return NextResponse.json({ id: user.id, name: user.name });
}

export async function DELETE() {
  const me = await requireUser();
  await prisma.auditLog.create({ data: { actorId: me.id, action: "account.deleted", entity: "User", entityId: me.id } });
  await prisma.user.delete({ where: { id: me.id } });
  return new NextResponse(null, { status: 204 });
}
