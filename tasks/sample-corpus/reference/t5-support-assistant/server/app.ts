import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import rateLimit from "express-rate-limit";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import { z, ZodError } from "zod";

export type Caller = { id: string; role: "agent" | "admin" };

/** What the server needs from the database; implemented with the service-role client in index.ts. */
export interface Store {
  ping(): Promise<void>;
  /** Stores an inbound email. Returns "duplicate" when this Message-ID was already stored. */
  saveInbound(email: InboundEmail): Promise<{ ticketId: string; status: "created" | "appended" | "duplicate" }>;
  inviteAgent(email: string, displayName: string, role: Caller["role"]): Promise<string>;
  updateAgent(id: string, change: { role?: Caller["role"]; active?: boolean }): Promise<void>;
}

export interface Deps {
  store: Store;
  verifyToken(token: string): Promise<Caller | null>;
  logger: Logger;
  config: { supabaseUrl: string; inboundSecret: string; staticDir?: string };
  now?: () => Date;
}

export const InboundEmail = z.object({
  messageId: z.string().min(3).max(998),
  inReplyTo: z.string().max(998).nullable().default(null),
  from: z.object({ email: z.string().trim().toLowerCase().email(), name: z.string().max(200).nullable().default(null) }),
  subject: z.string().max(998).default("(no subject)"),
  text: z.string().max(200_000),
});
export type InboundEmail = z.infer<typeof InboundEmail>;

const InviteBody = z
  .object({ email: z.string().trim().toLowerCase().email(), displayName: z.string().trim().min(1).max(80), role: z.enum(["agent", "admin"]) })
  .strict();
const UpdateAgentBody = z.object({ role: z.enum(["agent", "admin"]).optional(), active: z.boolean().optional() }).strict();
const IdParams = z.object({ id: z.string().uuid() });

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

const SIGNATURE_TOLERANCE_S = 300;

/** Header format: `t=<unix seconds>,v1=<hex hmac-sha256 of "t.body">`. */
export function verifySignature(header: string | undefined, rawBody: Buffer, secret: string, now: Date): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const given = parts.v1;
  if (!Number.isFinite(t) || !given || Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest("hex");
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(given, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

const route =
  (fn: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };

export function createApp(deps: Deps) {
  const { store, logger, config } = deps;
  const now = deps.now ?? (() => new Date());
  const app = express();

  app.disable("x-powered-by");
  app.set("trust proxy", 1);
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === "/health" } }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", config.supabaseUrl],
          imgSrc: ["'self'", "data:"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    }),
  );

  app.get(
    "/health",
    route(async (_req, res) => {
      const dbOk = await store.ping().then(
        () => true,
        (err: unknown) => {
          logger.warn({ err }, "health check: database unreachable");
          return false;
        },
      );
      res.status(dbOk ? 200 : 503).json({ status: dbOk ? "ok" : "degraded", db: dbOk ? "ok" : "unreachable" });
    }),
  );

  app.use("/api", rateLimit({ windowMs: 60_000, limit: 300, standardHeaders: "draft-7", legacyHeaders: false }));

  // Inbound email from the mail provider. Signed with a shared secret; redelivery is idempotent.
  app.post(
    "/api/inbound-email",
    express.raw({ type: "application/json", limit: "1mb" }),
    route(async (req, res) => {
      const raw = req.body as Buffer;
      if (!verifySignature(req.header("x-inbound-signature"), raw, config.inboundSecret, now())) {
        throw new HttpError(401, "invalid_signature");
      }
      const email = InboundEmail.parse(JSON.parse(raw.toString("utf8")));
      const result = await store.saveInbound(email);
      req.log.info({ ticketId: result.ticketId, status: result.status }, "inbound email stored");
      res.status(result.status === "created" ? 201 : 200).json(result);
    }),
  );

  app.use(express.json({ limit: "50kb" }));

  const requireAdmin = (req: Request, res: Response, next: NextFunction) => {
    const header = req.header("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token) return next(new HttpError(401, "unauthenticated"));
    deps
      .verifyToken(token)
      .then((caller) => {
        if (!caller) return next(new HttpError(401, "unauthenticated"));
        if (caller.role !== "admin") return next(new HttpError(403, "forbidden"));
        res.locals.caller = caller;
        next();
      })
      .catch(next);
  };

  app.post(
    "/api/admin/agents",
    requireAdmin,
    route(async (req, res) => {
      const { email, displayName, role } = InviteBody.parse(req.body);
      const id = await store.inviteAgent(email, displayName, role);
      req.log.info({ agentId: id, role, by: (res.locals.caller as Caller).id }, "agent invited");
      res.status(201).json({ id });
    }),
  );

  app.patch(
    "/api/admin/agents/:id",
    requireAdmin,
    route(async (req, res) => {
      const { id } = IdParams.parse(req.params);
      const change = UpdateAgentBody.parse(req.body);
      const caller = res.locals.caller as Caller;
      if (id === caller.id) throw new HttpError(409, "cannot_change_own_access");
      await store.updateAgent(id, change);
      req.log.info({ agentId: id, change, by: caller.id }, "agent updated");
      res.json({ ok: true });
    }),
  );

  app.use("/api", (_req, _res, next) => next(new HttpError(404, "not_found")));

  if (config.staticDir) {
    const staticDir = config.staticDir;
    app.use(express.static(staticDir, { index: false, maxAge: "1h" }));
    app.get("*", (_req, res) => res.sendFile(path.join(staticDir, "index.html")));
  }

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ZodError || err instanceof SyntaxError) {
      res.status(400).json({ error: "invalid_request" });
      return;
    }
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.code });
      return;
    }
    req.log.error({ err }, "unhandled error");
    res.status(500).json({ error: "internal_error" });
  });

  return app;
}
