import { NextRequest } from 'next/server';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';
import { logger } from '@/lib/logger';

const BookingInput = z.object({
  roomId: z.string().min(1),
  memberEmail: z.string().email(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
});

export async function GET(req: NextRequest) {
  const roomId = req.nextUrl.searchParams.get('roomId') ?? undefined;
  const bookings = await prisma.booking.findMany({
    where: { roomId, endsAt: { gte: new Date() } },
    orderBy: { startsAt: 'asc' },
    take: 100,
  });
  return Response.json(bookings);
}

export async function POST(req: NextRequest) {
  const parsed = BookingInput.safeParse(await req.json());
  if (!parsed.success) return Response.json({ error: parsed.error.flatten() }, { status: 400 });
  const { roomId, startsAt, endsAt } = parsed.data;
  if (endsAt <= startsAt) return Response.json({ error: 'End must be after start' }, { status: 400 });

  const clash = await prisma.booking.findFirst({
    where: { roomId, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
  });
  if (clash) return Response.json({ error: 'Room already booked for that slot' }, { status: 409 });

  const booking = await prisma.booking.create({ data: parsed.data });
  logger.info({ bookingId: booking.id, roomId }, 'booking created');
  return Response.json(booking, { status: 201 });
}
