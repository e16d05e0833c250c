import { Resend } from "npm:resend@3.2.0";
import { createClient } from "https://esm.sh/@supabase/supabase-js@2";
import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
import { withRetry } from "../_shared/retry.ts";

const resend = new Resend(Deno.env.get("RESEND_API_KEY"));
const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);

serve(async () => {
  const { data: due } = await supabase.from("orders").select("email, pickup_at").eq("pickup_date", new Date(Date.now() + 86400000).toISOString().slice(0, 10));
  for (const o of due ?? []) {
    await withRetry(() => resend.emails.send({ from: "Bakery <orders@bakery.example>", to: o.email, subject: "Pickup tomorrow", html: "<p>See you tomorrow!</p>" }));
  }
  return new Response("ok");
});
