import { serve } from "https://deno.land/std@0.168.0/http/server.ts";

const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
};

serve(async (req) => {
  if (req.method === "OPTIONS") {
    return new Response(null, { headers: corsHeaders });
  }

  const { email, doctor, date, slot } = await req.json();
  console.log("Sending confirmation email to", email, doctor, date, slot);

  // TODO: hook up an email provider (Resend?)
  // await resend.emails.send({ from: "CareSlot <noreply@careslot.in>", to: email, subject: "Booking confirmed", html });

  return new Response(JSON.stringify({ success: true, message: "Email sent" }), {
    headers: { ...corsHeaders, "Content-Type": "application/json" },
  });
});
