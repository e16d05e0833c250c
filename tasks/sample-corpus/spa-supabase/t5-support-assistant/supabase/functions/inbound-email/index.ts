import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
import { createClient } from "https://esm.sh/@supabase/supabase-js@2";

serve(async (req) => {
  const payload = await req.json();
  console.log("inbound email", JSON.stringify(payload));

  const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);

  const fromEmail = payload.from?.email ?? payload.from;
  let { data: customer } = await supabase.from("customers").select("*").eq("email", fromEmail).maybeSingle();
  if (!customer) {
    const { data } = await supabase.from("customers").insert({ email: fromEmail, name: payload.from?.name ?? fromEmail }).select().single();
    customer = data;
  }

  const { data: ticket } = await supabase
    .from("tickets")
    .insert({ customer_id: customer.id, subject: payload.subject, preview: (payload.text ?? "").slice(0, 120) })
    .select()
    .single();

  await supabase.from("messages").insert({
    ticket_id: ticket.id,
    direction: "inbound",
    body: payload.text,
    body_html: payload.html,
  });

  return new Response(JSON.stringify({ ok: true }), { headers: { "Content-Type": "application/json" } });
});
