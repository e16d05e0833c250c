import { NextResponse } from "next/server";
import { supabaseAdmin } from "@/lib/supabase-admin";

// Lemon Squeezy subscription webhook
// expect: G3.D1
export async function POST(req: Request) {
  const payload = await req.json();
  if (payload.meta.event_name === "subscription_created") {
    await supabaseAdmin.from("subscriptions").insert({
      user_id: payload.meta.custom_data.user_id,
      lemon_id: payload.data.id,
      status: payload.data.attributes.status,
    });
  }
  return NextResponse.json({ ok: true });
}
