import Stripe from "stripe";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getSession } from "@/lib/auth";
import { absoluteUrl } from "@/lib/site";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

// Stripe Price objects are created in the dashboard; the client only picks which plan.
const subscribeBody = z.object({ priceId: z.enum(["price_basic_monthly", "price_family_monthly"]) });

export async function POST(request: Request) {
  const user = await getSession();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const { priceId } = subscribeBody.parse(await request.json());
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer_email: user.email,
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: absoluteUrl("/account?subscribed=1"),
    cancel_url: absoluteUrl("/account"),
  });
  return NextResponse.json({ url: session.url });
}
