import { NextResponse } from "next/server";
import Stripe from "stripe";
import { prisma } from "@/lib/db";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

export async function GET(req: Request) {
  const patientId = new URL(req.url).searchParams.get("patientId");
  const invoices = await prisma.invoice.findMany({
    where: { patientId: patientId ?? undefined },
    include: { appointment: { include: { doctor: true } } },
  });
  return NextResponse.json(invoices);
}

// create invoice + checkout session
export async function POST(req: Request) {
  const { appointmentId, patientId, amount } = await req.json();

  const invoice = await prisma.invoice.create({
    data: { appointmentId, patientId, amount },
  });

  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [
      {
        price_data: {
          currency: "inr",
          product_data: { name: `Consultation invoice ${invoice.id}` },
          unit_amount: amount * 100,
        },
        quantity: 1,
      },
    ],
    success_url: `http://localhost:3000/appointments?paid=${invoice.id}`,
    cancel_url: `http://localhost:3000/appointments`,
  });

  await prisma.invoice.update({ where: { id: invoice.id }, data: { stripeSession: session.id } });

  return NextResponse.json({ url: session.url });
}

// called from the success page
export async function PATCH(req: Request) {
  const { id } = await req.json();
  await prisma.invoice.update({ where: { id }, data: { status: "PAID" } });
  return NextResponse.json({ ok: true });
}
