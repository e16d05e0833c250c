// Edge function: AI drafts and agent-approved sending.
// JWT verification is on (supabase/config.toml); the caller must be an agent or admin.
import { createClient } from "jsr:@supabase/supabase-js@2.45.4";
import { z } from "npm:zod@3.23.8";
import { draftReply } from "../_shared/ai.ts";

const env = (name: string): string => {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
};

const SUPABASE_URL = env("SUPABASE_URL");
const SERVICE_ROLE_KEY = env("SUPABASE_SERVICE_ROLE_KEY");
const ANON_KEY = env("SUPABASE_ANON_KEY");
const OPENAI_API_KEY = env("OPENAI_API_KEY");
const OPENAI_MODEL = Deno.env.get("OPENAI_MODEL") ?? "gpt-4o-mini";
const RESEND_API_KEY = env("RESEND_API_KEY");
const EMAIL_FROM = env("EMAIL_FROM");
const ALLOWED_ORIGIN = Deno.env.get("APP_ORIGIN") ?? "http://localhost:5173";

const admin = createClient(SUPABASE_URL, SERVICE_ROLE_KEY, { auth: { persistSession: false } });

const Body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("draft"), ticketId: z.string().uuid() }).strict(),
  z
    .object({
      action: z.literal("send"),
      ticketId: z.string().uuid(),
      draftId: z.string().uuid().nullable(),
      body: z.string().trim().min(1).max(20_000),
    })
    .strict(),
]);

const cors = {
  "Access-Control-Allow-Origin": ALLOWED_ORIGIN,
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  Vary: "Origin",
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { ...cors, "Content-Type": "application/json" } });

const log = (level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}) =>
  console[level](JSON.stringify({ level, msg, fn: "assistant", time: new Date().toISOString(), ...fields }));

async function currentAgent(req: Request) {
  const authorization = req.headers.get("Authorization") ?? "";
  const userClient = createClient(SUPABASE_URL, ANON_KEY, {
    global: { headers: { Authorization: authorization } },
    auth: { persistSession: false },
  });
  const { data, error } = await userClient.auth.getUser();
  if (error || !data.user) return null;
  const role = data.user.app_metadata?.role;
  if (role !== "agent" && role !== "admin") return null;
  const { data: agent } = await admin.from("agents").select("id, active").eq("id", data.user.id).maybeSingle();
  return agent?.active ? { id: data.user.id } : null;
}

async function monthlyTokensUsed(): Promise<number> {
  const start = new Date();
  start.setUTCDate(1);
  start.setUTCHours(0, 0, 0, 0);
  const { data, error } = await admin
    .from("drafts")
    .select("prompt_tokens, completion_tokens")
    .gte("created_at", start.toISOString());
  if (error) throw error;
  return (data ?? []).reduce((sum, d) => sum + d.prompt_tokens + d.completion_tokens, 0);
}

async function handleDraft(agentId: string, ticketId: string) {
  const [{ data: settings }, used] = await Promise.all([
    admin.from("ai_settings").select("tone, monthly_token_budget").eq("id", 1).single(),
    monthlyTokensUsed(),
  ]);
  if (!settings) return json(500, { error: "settings_missing" });
  if (used >= settings.monthly_token_budget) return json(429, { error: "ai_budget_exhausted" });

  const { data: ticket } = await admin
    .from("tickets")
    .select("id, subject, customer_id, customers(name)")
    .eq("id", ticketId)
    .maybeSingle();
  if (!ticket) return json(404, { error: "not_found" });

  const [{ data: thread }, { data: history }] = await Promise.all([
    admin.from("messages").select("direction, body").eq("ticket_id", ticketId).order("created_at").limit(50),
    admin
      .from("tickets")
      .select("subject, status")
      .eq("customer_id", ticket.customer_id)
      .neq("id", ticketId)
      .order("created_at", { ascending: false })
      .limit(5),
  ]);

  const customer = ticket.customers as unknown as { name: string | null } | null;
  const draft = await draftReply(
    { tone: settings.tone, customerName: customer?.name ?? null, subject: ticket.subject, thread: thread ?? [], history: history ?? [] },
    { apiKey: OPENAI_API_KEY, model: OPENAI_MODEL, onRetry: (attempt, reason) => log("warn", "model retry", { attempt, reason }) },
  );

  const { data: saved, error } = await admin
    .from("drafts")
    .insert({
      ticket_id: ticketId,
      created_by: agentId,
      body: draft.body,
      model: draft.model,
      fallback: draft.fallback,
      prompt_tokens: draft.promptTokens,
      completion_tokens: draft.completionTokens,
    })
    .select("id")
    .single();
  if (error) throw error;

  log("info", "draft created", { ticketId, draftId: saved.id, fallback: draft.fallback, tokens: draft.promptTokens + draft.completionTokens });
  return json(200, { draftId: saved.id, body: draft.body, fallback: draft.fallback });
}

async function sendEmail(to: string, subject: string, text: string, idempotencyKey: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch("https://api.resend.com/emails", {
      method: "POST",
      signal: AbortSignal.timeout(8_000),
      headers: { Authorization: `Bearer ${RESEND_API_KEY}`, "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
      body: JSON.stringify({ from: EMAIL_FROM, to, subject, text }),
    }).catch((err: Error) => err);
    if (res instanceof Response && res.ok) return;
    const retryable = !(res instanceof Response) || res.status === 429 || res.status >= 500;
    if (!retryable || attempt === 3) throw new Error(`email failed: ${res instanceof Response ? res.status : res.message}`);
    await new Promise((r) => setTimeout(r, 500 * 2 ** (attempt - 1)));
  }
}

// Sending is the approval: only an explicit request from a signed-in agent, with the final text they saw, sends anything.
async function handleSend(agentId: string, ticketId: string, draftId: string | null, body: string) {
  const { data: ticket } = await admin
    .from("tickets")
    .select("id, subject, customers(email)")
    .eq("id", ticketId)
    .maybeSingle();
  if (!ticket) return json(404, { error: "not_found" });
  if (draftId) {
    const { data: draft } = await admin.from("drafts").select("id").eq("id", draftId).eq("ticket_id", ticketId).maybeSingle();
    if (!draft) return json(422, { error: "draft_not_for_ticket" });
  }

  const customer = ticket.customers as unknown as { email: string } | null;
  if (!customer) return json(422, { error: "customer_missing" });

  const messageId = crypto.randomUUID();
  await sendEmail(customer.email, `Re: ${ticket.subject}`, body, `reply-${messageId}`);

  const { error } = await admin.from("messages").insert({
    id: messageId,
    ticket_id: ticketId,
    direction: "outbound",
    body,
    draft_id: draftId,
    approved_by: agentId,
  });
  if (error) throw error;
  await admin.from("tickets").update({ status: "pending", last_message_at: new Date().toISOString() }).eq("id", ticketId);

  log("info", "reply sent", { ticketId, messageId, approvedBy: agentId, fromDraft: draftId !== null });
  return json(201, { messageId });
}

Deno.serve(async (req) => {
  if (req.method === "OPTIONS") return new Response(null, { headers: cors });
  if (req.method !== "POST") return json(405, { error: "method_not_allowed" });

  try {
    const agent = await currentAgent(req);
    if (!agent) return json(403, { error: "forbidden" });

    const parsed = Body.safeParse(await req.json().catch(() => null));
    if (!parsed.success) return json(400, { error: "invalid_request", issues: parsed.error.issues.map((i) => i.message) });

    const input = parsed.data;
    return input.action === "draft"
      ? await handleDraft(agent.id, input.ticketId)
      : await handleSend(agent.id, input.ticketId, input.draftId, input.body);
  } catch (err) {
    log("error", "assistant failed", { error: err instanceof Error ? err.message : String(err) });
    return json(500, { error: "internal_error" });
  }
});
