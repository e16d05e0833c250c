import { NextResponse } from "next/server";
import { stripe } from "@/lib/stripe";
import { supabaseAdmin } from "@/lib/supabase-admin";

export async function POST(req: Request) {
  const body = await req.text();
  const signature = req.headers.get("stripe-signature")!;
  let event;
  try {
    // ok: G3.D1
    // expect: G3.D5
    event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch (err) {
    return new NextResponse("Invalid signature", { status: 400 });
  }
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as any;
    // ok: G3.P1
    await supabaseAdmin.from("invoices").update({ status: "paid", stripe_session_id: session.id }).eq("id", session.metadata.invoiceId);
  }
  return NextResponse.json({ received: true });
}
