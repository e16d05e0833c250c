import { serve } from "https://deno.land/std@0.190.0/http/server.ts";
import { createClient } from "https://esm.sh/@supabase/supabase-js@2.45.0";
import { Resend } from "npm:resend@2.0.0";
import { z } from "https://deno.land/x/zod@v3.22.4/mod.ts";
import { corsHeaders } from "../_shared/cors.ts";

const Body = z.object({ invoiceId: z.string().uuid() });
// expect: G7.D2
const resend = new Resend(Deno.env.get("RESEND_API_KEY"));

serve(async (req) => {
  if (req.method === "OPTIONS") return new Response(null, { headers: corsHeaders });

  // ok: G2.P2
  const parsed = Body.safeParse(await req.json());
  if (!parsed.success) {
    return new Response(JSON.stringify({ error: parsed.error.message }), { status: 400, headers: corsHeaders });
  }

  const supabaseAdmin = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
  const { data: invoice, error } = await supabaseAdmin.from("invoices").select("*").eq("id", parsed.data.invoiceId).single();
  if (error || !invoice) {
    return new Response(JSON.stringify({ error: "Invoice not found" }), { status: 404, headers: corsHeaders });
  }

  try {
    await resend.emails.send({
      from: "Invoicely <billing@invoicely.example>",
      to: [invoice.customer_email],
      subject: `Invoice ${invoice.id.slice(0, 8)}`,
      html: `<p>Amount due: $${(invoice.amount_cents / 100).toFixed(2)}</p>`,
    });
    return new Response(JSON.stringify({ sent: true }), { headers: { ...corsHeaders, "Content-Type": "application/json" } });
  // expect: G2.D5
  } catch (e) {
    // expect: G2.D8
    console.log("send failed", e);
  }
});
