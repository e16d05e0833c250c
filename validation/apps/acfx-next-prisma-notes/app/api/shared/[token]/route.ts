import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

// A note shared by link: the unguessable token is the capability
// ok: G4.P2
export async function GET(_req: Request, { params }: { params: { token: string } }) {
  const note = await prisma.note.findUnique({ where: { shareToken: params.token }, select: { title: true, content: true } });
  if (!note) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  return NextResponse.json(note);
}
