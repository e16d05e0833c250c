import { Resend } from "npm:resend@3.2.0";
import { createClient } from "https://esm.sh/@supabase/supabase-js@2";
import { serve } from "https://deno.land/std@0.168.0/http/server.ts";

const resend = new Resend(Deno.env.get("RESEND_API_KEY"));
const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);

serve(async (req) => {
  const { orderId } = await req.json();
  const { data: order } = await supabase.from("orders").select("email, total").eq("id", orderId).single();
  const { error } = await resend.emails.send({
    from: "Bakery <orders@bakery.example>",
    to: order!.email,
    subject: "Your receipt",
    html: `<p>Thanks! Total: ${order!.total}</p>`,
  });
  if (error) return new Response(JSON.stringify({ error: error.message }), { status: 502 });
  // ok: G3.P1
  console.log("Receipt email sent", orderId);
  return new Response(JSON.stringify({ ok: true }));
});
