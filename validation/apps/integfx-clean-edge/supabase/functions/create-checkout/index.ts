import Stripe from "https://esm.sh/stripe@16.2.0?target=deno";
import { serve } from "https://deno.land/std@0.168.0/http/server.ts";

const stripe = new Stripe(Deno.env.get("STRIPE_SECRET_KEY")!, { httpClient: Stripe.createFetchHttpClient(), timeout: 10000 });

serve(async (req) => {
  const { cart, orderId } = await req.json();
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: cart.map((c: any) => ({ price: c.id, quantity: c.qty })),
    metadata: { orderId },
    success_url: `${Deno.env.get("SITE_URL")}/?paid=1`,
    cancel_url: `${Deno.env.get("SITE_URL")}/`,
  });
  return new Response(JSON.stringify({ url: session.url }), { headers: { "Content-Type": "application/json" } });
});
