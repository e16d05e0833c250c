import Stripe from "stripe";
import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { getSession } from "@/lib/auth";
import { withGst } from "@/lib/pricing";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

const intentBody = z.object({ bookingId: z.string().cuid(), discountCode: z.string().max(32).optional() }).strict();

export async function POST(request: Request) {
  const user = await getSession();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const { bookingId, discountCode } = intentBody.parse(await request.json());
  const booking = await prisma.booking.findFirst({ where: { id: bookingId, userId: user.id }, include: { service: true } });
  if (!booking) return NextResponse.json({ error: "Not found" }, { status: 404 });

  // The price comes from the service row, never from the request; a code only selects a stored discount.
  const discount = discountCode ? await prisma.discount.findFirst({ where: { code: discountCode, active: true } }) : null;
  const amount = withGst(Math.round(booking.service.pricePaise * (1 - (discount?.percentOff ?? 0) / 100)));
  const intent = await stripe.paymentIntents.create({ amount, currency: "inr", metadata: { bookingId } });
  return NextResponse.json({ clientSecret: intent.client_secret });
}
