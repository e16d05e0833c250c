import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
import { createClient } from "https://esm.sh/@supabase/supabase-js@2";

const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
};

serve(async (req) => {
  if (req.method === "OPTIONS") return new Response(null, { headers: corsHeaders });

  const supabase = createClient(
    Deno.env.get("SUPABASE_URL")!,
    // ok: G4.P1
    Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!,
  );

  const { invoiceId, to } = await req.json();
  const { data: invoice } = await supabase.from("invoices").select("*").eq("id", invoiceId).single();

  await fetch("https://api.resend.com/emails", {
    method: "POST",
    headers: { Authorization: `Bearer ${Deno.env.get("RESEND_API_KEY")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ from: "billing@invoicer.app", to, subject: `Invoice ${invoice.number}`, html: `<p>Amount due: $${invoice.amount}</p>` }),
  });

  return new Response(JSON.stringify({ ok: true }), { headers: { ...corsHeaders, "Content-Type": "application/json" } });
});
