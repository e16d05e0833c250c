import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@supabase/supabase-js";
import pino from "pino";
import { z } from "zod";
import { createApp, type Caller, type Store } from "./app.js";

const Env = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20),
  INBOUND_WEBHOOK_SECRET: z.string().min(32),
  APP_ORIGIN: z.string().url(),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  process.stderr.write(`Invalid environment: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}. See .env.example.\n`);
  process.exit(1);
}
const env = parsed.data;

const logger = pino({
  level: env.LOG_LEVEL,
  redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.email", "email"], censor: "[redacted]" },
});

const db = createClient(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
});

const UNIQUE_VIOLATION = "23505";

const store: Store = {
  async ping() {
    const { error } = await db.from("ai_settings").select("id").limit(1);
    if (error) throw new Error(error.message);
  },

  async saveInbound(email) {
    const { data: existing } = await db.from("messages").select("ticket_id").eq("external_id", email.messageId).maybeSingle();
    if (existing) return { ticketId: existing.ticket_id as string, status: "duplicate" };

    let ticketId: string | null = null;
    if (email.inReplyTo) {
      const { data: parent } = await db.from("messages").select("ticket_id").eq("external_id", email.inReplyTo).maybeSingle();
      ticketId = (parent?.ticket_id as string | undefined) ?? null;
    }

    let status: "created" | "appended" = "appended";
    if (!ticketId) {
      const { data: customer, error: customerError } = await db
        .from("customers")
        .upsert({ email: email.from.email, name: email.from.name }, { onConflict: "email", ignoreDuplicates: false })
        .select("id")
        .single();
      if (customerError) throw new Error(customerError.message);
      const { data: ticket, error: ticketError } = await db
        .from("tickets")
        .insert({ customer_id: customer.id, subject: email.subject })
        .select("id")
        .single();
      if (ticketError) throw new Error(ticketError.message);
      ticketId = ticket.id as string;
      status = "created";
    }

    const { error } = await db
      .from("messages")
      .insert({ ticket_id: ticketId, direction: "inbound", body: email.text, external_id: email.messageId });
    if (error?.code === UNIQUE_VIOLATION) return { ticketId, status: "duplicate" };
    if (error) throw new Error(error.message);
    await db.from("tickets").update({ status: "open", last_message_at: new Date().toISOString() }).eq("id", ticketId);
    return { ticketId, status };
  },

  async inviteAgent(email, displayName, role) {
    const { data, error } = await db.auth.admin.inviteUserByEmail(email, { redirectTo: env.APP_ORIGIN });
    if (error || !data.user) throw new Error(error?.message ?? "invite failed");
    const id = data.user.id;
    const { error: roleError } = await db.auth.admin.updateUserById(id, { app_metadata: { role } });
    if (roleError) throw new Error(roleError.message);
    const { error: insertError } = await db.from("agents").insert({ id, display_name: displayName });
    if (insertError) throw new Error(insertError.message);
    return id;
  },

  async updateAgent(id, change) {
    if (change.role) {
      const { error } = await db.auth.admin.updateUserById(id, { app_metadata: { role: change.role } });
      if (error) throw new Error(error.message);
    }
    if (change.active !== undefined) {
      const { error } = await db.auth.admin.updateUserById(id, { ban_duration: change.active ? "none" : "876000h" });
      if (error) throw new Error(error.message);
      await db.from("agents").update({ active: change.active }).eq("id", id);
    }
  },
};

const isRole = (value: unknown): value is Caller["role"] => value === "agent" || value === "admin";

const app = createApp({
  store,
  logger,
  config: {
    supabaseUrl: env.SUPABASE_URL,
    inboundSecret: env.INBOUND_WEBHOOK_SECRET,
    staticDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../client"),
  },
  async verifyToken(token) {
    const { data, error } = await db.auth.getUser(token);
    if (error || !data.user) return null;
    const role = data.user.app_metadata?.role;
    return isRole(role) ? { id: data.user.id, role } : null;
  },
});

const server = app.listen(env.PORT, env.HOST, () => logger.info({ port: env.PORT }, "helpdesk server listening"));

function shutdown(signal: NodeJS.Signals) {
  logger.info({ signal }, "shutting down: draining connections");
  server.close((err) => process.exit(err ? 1 : 0));
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
