import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
import { withRetry } from "../_shared/retry.ts";

serve(async (req) => {
  const { mood } = await req.json();
  try {
    const r = await withRetry(() => fetch("https://ai.gateway.lovable.dev/v1/chat/completions", {
      method: "POST",
      signal: AbortSignal.timeout(15000),
      headers: { Authorization: `Bearer ${Deno.env.get("LOVABLE_API_KEY")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "google/gemini-2.5-flash", messages: [{ role: "user", content: `Suggest one pastry for a ${mood} mood` }] }),
    }));
    const data = await r.json();
    return new Response(JSON.stringify({ suggestion: data.choices[0].message.content }));
  } catch {
    return new Response(JSON.stringify({ suggestion: null, fallback: true }), { status: 200 });
  }
});
