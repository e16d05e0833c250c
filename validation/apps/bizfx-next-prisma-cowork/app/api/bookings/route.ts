import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";
import { sendBookingConfirmation } from "@/lib/email";

export async function GET() {
  const user = await requireUser();
  const bookings = await prisma.booking.findMany({
    where: { userId: user.id },
    include: { room: true },
    orderBy: { startsAt: "desc" },
  });
  return NextResponse.json(bookings);
}

const BookingInput = z.object({ roomId: z.string(), startsAt: z.coerce.date(), endsAt: z.coerce.date() });

export async function POST(req: Request) {
  const user = await requireUser();
  const input = BookingInput.parse(await req.json());
  const clash = await prisma.booking.findFirst({
    where: { roomId: input.roomId, status: "CONFIRMED", startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
  });
  if (clash) return NextResponse.json({ error: "That room is already booked for this time" }, { status: 409 });
  const booking = await prisma.booking.create({ data: { ...input, userId: user.id }, include: { room: true } });
  await sendBookingConfirmation(user.email, booking.room.name, booking.startsAt);
  // ok: G6.D4
  console.log("Confirmation email sent", booking.id);
  return NextResponse.json(booking, { status: 201 });
}
