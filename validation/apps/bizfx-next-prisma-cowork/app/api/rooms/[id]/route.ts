import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/auth";

type Ctx = { params: { id: string } };

export async function GET(_req: Request, { params }: Ctx) {
  const room = await prisma.room.findUnique({ where: { id: params.id } });
  if (!room) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(room);
}

export async function PATCH(req: Request, { params }: Ctx) {
  const admin = await requireAdmin();
  const body = await req.json();
  const room = await prisma.room.update({ where: { id: params.id }, data: { name: body.name, capacity: body.capacity, photoUrl: body.photoUrl } });
  await prisma.auditLog.create({ data: { actorId: admin.id, action: "room.updated", entity: "Room", entityId: room.id } });
  return NextResponse.json(room);
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const admin = await requireAdmin();
  await prisma.room.delete({ where: { id: params.id } });
  await prisma.auditLog.create({ data: { actorId: admin.id, action: "room.deleted", entity: "Room", entityId: params.id } });
  return new NextResponse(null, { status: 204 });
}
