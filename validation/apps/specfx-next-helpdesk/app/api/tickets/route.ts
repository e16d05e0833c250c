import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { ticketInput } from '@/lib/validation';

export async function GET(req: Request) {
  const status = new URL(req.url).searchParams.get('status') ?? undefined;
  const tickets = await prisma.ticket.findMany({ where: status ? { status } : {}, orderBy: { createdAt: 'desc' }, take: 100 });
  return NextResponse.json(tickets);
}

export async function POST(req: Request) {
  const parsed = ticketInput.safeParse(await req.json());
  if (!parsed.success) return NextResponse.json({ error: 'Invalid ticket' }, { status: 400 });
  const ticket = await prisma.ticket.create({ data: parsed.data });
  return NextResponse.json(ticket, { status: 201 });
}
