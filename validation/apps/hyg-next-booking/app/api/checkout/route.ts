import Stripe from "stripe";
import { NextResponse } from "next/server";
import { absoluteUrl } from "@/lib/site";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(request: Request) {
  // expect: G2.P2
  const { serviceId, serviceName, amount } = await request.json();

  try {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "inr", unit_amount: amount, product_data: { name: serviceName } },
        },
      ],
      metadata: { serviceId },
      success_url: absoluteUrl("/book/success"),
      cancel_url: absoluteUrl("/book"),
    });
    return NextResponse.json({ url: session.url });
  // expect: G2.D5
  } catch (err) {
    // expect: G2.D8
    console.log(err);
  }
}
