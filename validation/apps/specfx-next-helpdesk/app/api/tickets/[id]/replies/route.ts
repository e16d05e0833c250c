import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { replyInput } from '@/lib/validation';

export async function POST(req: Request, { params }: { params: { id: string } }) {
  const parsed = replyInput.safeParse(await req.json());
  if (!parsed.success) return NextResponse.json({ error: 'Invalid reply' }, { status: 400 });
  const reply = await prisma.reply.create({ data: { ...parsed.data, ticketId: params.id } });
  return NextResponse.json(reply, { status: 201 });
}
