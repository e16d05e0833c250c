import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth";
import { sendBookingConfirmation } from "@/lib/email";

const bookingSchema = z.object({
  doctorId: z.string().min(1),
  startsAt: z.string().datetime(),
  notes: z.string().max(500).optional(),
});

export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const patientId = searchParams.get("patientId");

  const appointments = await prisma.appointment.findMany({
    where: patientId ? { patientId } : {},
    include: { doctor: true, invoice: true },
    orderBy: { startsAt: "asc" },
  });

  return NextResponse.json(appointments);
}

export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session?.user) {
    return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  }

  const body = await req.json();
  const parsed = bookingSchema.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  }

  const { doctorId, startsAt, notes } = parsed.data;
  const userId = (session.user as any).id as string;

  const existing = await prisma.appointment.findFirst({
    where: { doctorId, startsAt: new Date(startsAt) },
  });
  if (existing) {
    return NextResponse.json({ error: "Slot already booked" }, { status: 409 });
  }

  try {
    const appointment = await prisma.appointment.create({
      data: { patientId: userId, doctorId, startsAt: new Date(startsAt), notes },
      include: { doctor: true },
    });
    await sendBookingConfirmation(session.user.email!, appointment.doctor.name, appointment.startsAt);
    return NextResponse.json(appointment, { status: 201 });
  } catch (error: any) {
    console.error(error);
    return NextResponse.json({ error: error.message }, { status: 500 });
  }
}

export async function DELETE(req: Request) {
  const { searchParams } = new URL(req.url);
  const id = searchParams.get("id");
  if (!id) return NextResponse.json({ error: "Missing id" }, { status: 400 });

  await prisma.appointment.update({ where: { id }, data: { status: "CANCELLED" } });
  return NextResponse.json({ ok: true });
}
