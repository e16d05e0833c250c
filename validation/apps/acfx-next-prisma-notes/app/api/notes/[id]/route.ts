import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  // ok: G4.P2
  const note = await prisma.note.findFirst({ where: { id: params.id, userId: session.user.id } });
  if (!note) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  return NextResponse.json(note);
}

export async function PATCH(req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { title, content } = await req.json();
  // expect: G4.P2
  const note = await prisma.note.update({ where: { id: params.id }, data: { title, content } });
  return NextResponse.json(note);
}

export async function DELETE(_req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  // ok: G4.P2
  const note = await prisma.note.findUnique({ where: { id: params.id } });
  if (!note || note.userId !== session.user.id) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  await prisma.note.delete({ where: { id: params.id } });
  return new NextResponse(null, { status: 204 });
}
