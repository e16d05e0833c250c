import { NextResponse } from "next/server";
import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const { invoiceId, amount } = await req.json();
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ price_data: { currency: "usd", product_data: { name: "Invoice " + invoiceId }, unit_amount: amount }, quantity: 1 }],
    metadata: { invoiceId },
    success_url: `${process.env.NEXT_PUBLIC_APP_URL}/billing?paid=1`,
    cancel_url: `${process.env.NEXT_PUBLIC_APP_URL}/billing`,
  });
  return NextResponse.json({ url: session.url });
}
