import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { getSession } from "@/lib/auth";
import { sendConfirmation } from "@/lib/mailer";

const bookingBody = z.object({
  serviceId: z.string().cuid(),
  startsAt: z.string().datetime(),
});

export async function POST(request: Request) {
  const user = await getSession();
  if (!user) return NextResponse.json({ error: "Sign in to book" }, { status: 401 });

  // ok: G2.P2
  const parsed = bookingBody.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  }

  try {
    const booking = await prisma.booking.create({
      data: { userId: user.id, serviceId: parsed.data.serviceId, startsAt: new Date(parsed.data.startsAt) },
    });
    // expect: G2.D5
    sendConfirmation(user.email, booking.startsAt).then(() => {
      // ok: G2.D8
      console.info("confirmation queued", booking.id);
    });
    return NextResponse.json(booking, { status: 201 });
  // ok: G2.D5
  } catch (err) {
    // ok: G2.D8
    console.error("booking failed", err);
    return NextResponse.json({ error: "Could not create the booking" }, { status: 500 });
  }
}
