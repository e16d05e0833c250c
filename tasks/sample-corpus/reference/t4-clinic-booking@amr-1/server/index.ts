import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@supabase/supabase-js";
import pino from "pino";
import { z } from "zod";
import { createApp, type AuthUser } from "./app.js";
import { createSupabaseRepo } from "./repo.js";
import { createResendMailer, createStripePayments, sendDueReminders } from "./integrations.js";

const Env = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20),
  STRIPE_SECRET_KEY: z.string().min(10),
  STRIPE_WEBHOOK_SECRET: z.string().min(10),
  RESEND_API_KEY: z.string().min(10),
  EMAIL_FROM: z.string().min(3),
  FRONT_DESK_EMAIL: z.string().email(),
  APP_ORIGIN: z.string().url(),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  const missing = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
  process.stderr.write(`Invalid environment: ${missing}. See .env.example.\n`);
  process.exit(1);
}
const env = parsed.data;

const logger = pino({
  level: env.LOG_LEVEL,
  redact: { paths: ["req.headers.authorization", "req.headers.cookie", "email", "*.email"], censor: "[redacted]" },
});

const db = createClient(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
});
const repo = createSupabaseRepo(db);
const mailer = createResendMailer({ apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM });
const payments = createStripePayments(env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET);

const isRole = (value: unknown): value is AuthUser["role"] => value === "admin" || value === "staff";

const app = createApp({
  repo,
  mailer,
  payments,
  logger,
  config: {
    appOrigin: env.APP_ORIGIN,
    supabaseUrl: env.SUPABASE_URL,
    frontDeskEmail: env.FRONT_DESK_EMAIL,
    staticDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../client"),
  },
  async verifyToken(token) {
    const { data, error } = await db.auth.getUser(token);
    if (error || !data.user) return null;
    const role = data.user.app_metadata?.role;
    return { id: data.user.id, email: data.user.email ?? "", role: isRole(role) ? role : "patient" };
  },
  async sendMagicLink(email) {
    const { error } = await db.auth.signInWithOtp({ email, options: { emailRedirectTo: env.APP_ORIGIN } });
    if (error) logger.warn({ err: error }, "magic link not sent");
  },
});

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info({ port: env.PORT }, "careslot listening");
});

const reminderTimer = setInterval(() => {
  sendDueReminders(repo, mailer, logger)
    .then((sent) => sent > 0 && logger.info({ sent }, "reminders sent"))
    .catch((err: unknown) => logger.error({ err }, "reminder run failed"));
}, 15 * 60_000);
reminderTimer.unref();

function shutdown(signal: NodeJS.Signals) {
  logger.info({ signal }, "shutting down: draining connections");
  clearInterval(reminderTimer);
  server.close((err) => {
    if (err) {
      logger.error({ err }, "error while closing server");
      process.exit(1);
    }
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
