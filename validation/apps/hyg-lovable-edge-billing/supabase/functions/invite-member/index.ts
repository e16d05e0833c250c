import { serve } from "https://deno.land/std@0.190.0/http/server.ts";
import { createClient } from "https://esm.sh/@supabase/supabase-js@2.45.0";
import { corsHeaders } from "../_shared/cors.ts";

serve(async (req) => {
  if (req.method === "OPTIONS") return new Response(null, { headers: corsHeaders });

  // ok: G7.D2
  const supabaseAdmin = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);

  // expect: G2.P2
  const { email, orgId, role } = await req.json();
  if (!email || !orgId) {
    return new Response(JSON.stringify({ error: "email and orgId are required" }), { status: 400, headers: corsHeaders });
  }

  const { error } = await supabaseAdmin.from("members").insert({ org_id: orgId, email, role });
  if (error) {
    return new Response(JSON.stringify({ error: error.message }), { status: 500, headers: corsHeaders });
  }
  await supabaseAdmin.auth.admin.inviteUserByEmail(email);
  return new Response(JSON.stringify({ invited: email }), { headers: { ...corsHeaders, "Content-Type": "application/json" } });
});
