import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import rateLimit from "express-rate-limit";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import { z, ZodError } from "zod";
import path from "node:path";
import { AlreadyInvoicedError, SlotTakenError, type AppRole, type Repo } from "./repo.js";
import { bookingConfirmation, GST_RATE, rescheduleNotice, type Mailer, type Payments } from "./integrations.js";

export type AuthUser = { id: string; email: string; role: AppRole };

export interface Deps {
  repo: Repo;
  verifyToken(token: string): Promise<AuthUser | null>;
  sendMagicLink(email: string): Promise<void>;
  payments: Payments;
  mailer: Mailer;
  logger: Logger;
  config: { appOrigin: string; supabaseUrl: string; frontDeskEmail: string; staticDir?: string };
  now?: () => Date;
}

declare module "express-serve-static-core" {
  interface Request {
    user?: AuthUser;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export const SLOT_MINUTES = 15;
export const CANCEL_CUTOFF_MS = 2 * 3_600_000;
const IST_OFFSET_MS = 330 * 60_000; // India has no DST, so a fixed offset is exact.

const bookingBody = z.object({ doctorId: z.string().uuid(), startsAt: z.string().datetime({ offset: true }) }).strict();
const rescheduleBody = z.object({ startsAt: z.string().datetime({ offset: true }) }).strict();
const idParams = z.object({ id: z.string().uuid() });
const dateQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const otpBody = z.object({ email: z.string().trim().toLowerCase().email().max(254) }).strict();
const invoiceBody = z.object({ appointmentId: z.string().uuid() }).strict();
const roleBody = z.object({ role: z.enum(["admin", "staff", "patient"]) }).strict();

type Handler = (req: Request, res: Response) => Promise<void>;
const route = (fn: Handler) => (req: Request, res: Response, next: NextFunction) => {
  fn(req, res).catch(next);
};

/** Start (UTC) of a clinic-local calendar day, e.g. "2026-10-15" -> 2026-10-14T18:30:00Z. */
export function clinicDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - IST_OFFSET_MS);
}

function clinicLocal(at: Date): { weekday: number; minuteOfDay: number } {
  const local = new Date(at.getTime() + IST_OFFSET_MS);
  return { weekday: local.getUTCDay(), minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function createApp(deps: Deps) {
  const { repo, logger, config } = deps;
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
          imgSrc: ["'self'", "data:", config.supabaseUrl],
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
      const dbOk = await repo.ping().then(
        () => true,
        (err: unknown) => {
          logger.warn({ err }, "health check: database unreachable");
          return false;
        },
      );
      res.status(dbOk ? 200 : 503).json({ status: dbOk ? "ok" : "degraded", db: dbOk ? "ok" : "unreachable" });
    }),
  );

  // Stripe signs the raw body, so this route comes before the JSON parser.
  app.post(
    "/api/payments/webhook",
    express.raw({ type: "application/json", limit: "1mb" }),
    route(async (req, res) => {
      const signature = req.header("stripe-signature");
      if (!signature) throw new HttpError(400, "missing_signature");
      let event;
      try {
        event = deps.payments.verifyWebhook(req.body as Buffer, signature);
      } catch {
        throw new HttpError(400, "invalid_signature");
      }
      const firstDelivery = await repo.markWebhookProcessed(event.id);
      if (firstDelivery && event.type === "checkout.session.completed" && event.invoiceId && event.sessionId) {
        await repo.markInvoicePaid(event.invoiceId, event.sessionId);
        await repo.audit(null, "invoice.paid", "invoice", event.invoiceId, { stripeEvent: event.id });
      }
      res.json({ received: true });
    }),
  );

  app.use(express.json({ limit: "100kb" }));
  app.use("/api", rateLimit({ windowMs: 60_000, limit: 120, standardHeaders: "draft-7", legacyHeaders: false }));

  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: 5,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (req) => `${req.ip}:${String((req.body as { email?: unknown })?.email ?? "").toLowerCase()}`,
  });

  // Patients and staff sign in with a one-time link; the answer never reveals whether the email exists.
  app.post(
    "/api/auth/otp",
    loginLimiter,
    route(async (req, res) => {
      const { email } = otpBody.parse(req.body);
      await deps.sendMagicLink(email);
      res.status(202).json({ sent: true });
    }),
  );

  // Verifies the Supabase access token on every API call; role comes from app_metadata.
  const authed = (req: Request, _res: Response, next: NextFunction) => {
    const header = req.header("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token) return next(new HttpError(401, "unauthenticated"));
    deps
      .verifyToken(token)
      .then((user) => {
        if (!user) return next(new HttpError(401, "unauthenticated"));
        req.user = user;
        next();
      })
      .catch(next);
  };

  const allow =
    (...roles: AppRole[]) =>
    (req: Request, _res: Response, next: NextFunction) =>
      req.user && roles.includes(req.user.role) ? next() : next(new HttpError(403, "forbidden"));

  const currentUser = (req: Request): AuthUser => {
    if (!req.user) throw new HttpError(401, "unauthenticated");
    return req.user;
  };

  /** A future slot on the 15-minute grid, inside the doctor's working hours. */
  const assertBookableSlot = async (doctorId: string, at: Date) => {
    if (at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0 || at.getUTCMinutes() % SLOT_MINUTES !== 0) {
      throw new HttpError(422, "invalid_slot");
    }
    if (at <= now()) throw new HttpError(422, "slot_in_past");
    const { weekday, minuteOfDay } = clinicLocal(at);
    const hours = await repo.doctorHours(doctorId, weekday);
    const inHours = hours.some((h) => minuteOfDay >= h.startMinute && minuteOfDay + SLOT_MINUTES <= h.endMinute);
    if (!inHours) throw new HttpError(422, "outside_working_hours");
  };

  app.get(
    "/api/doctors/:id/slots",
    authed,
    route(async (req, res) => {
      const { id } = idParams.parse(req.params);
      const { date } = dateQuery.parse(req.query);
      const dayStart = clinicDayStart(date);
      const dayEnd = new Date(dayStart.getTime() + 86_400_000);
      const weekday = clinicLocal(dayStart).weekday;
      const [hours, taken] = await Promise.all([
        repo.doctorHours(id, weekday),
        repo.takenSlots(id, dayStart.toISOString(), dayEnd.toISOString()),
      ]);
      const takenSet = new Set(taken);
      const slots: string[] = [];
      for (const { startMinute, endMinute } of hours) {
        for (let m = startMinute; m + SLOT_MINUTES <= endMinute; m += SLOT_MINUTES) {
          const at = new Date(dayStart.getTime() + m * 60_000);
          if (at > now() && !takenSet.has(at.toISOString())) slots.push(at.toISOString());
        }
      }
      res.json({ slots });
    }),
  );

  app.post(
    "/api/bookings",
    authed,
    allow("patient"),
    route(async (req, res) => {
      const user = currentUser(req);
      const { doctorId, startsAt } = bookingBody.parse(req.body);
      const at = new Date(startsAt);
      const doctor = await repo.getDoctor(doctorId);
      if (!doctor || !doctor.active) throw new HttpError(404, "doctor_not_found");
      await assertBookableSlot(doctorId, at);

      let appointment;
      try {
        appointment = await repo.createAppointment({ patientId: user.id, doctorId, startsAt: at.toISOString() });
      } catch (err) {
        if (err instanceof SlotTakenError) throw new HttpError(409, "slot_taken");
        throw err;
      }
      await repo.audit(user.id, "appointment.booked", "appointment", appointment.id, { doctorId, startsAt: appointment.startsAt });

      // The booking stands even if the email provider is down; the failure is logged for follow-up.
      deps.mailer
        .send(bookingConfirmation(user.email, doctor.fullName, at, appointment.id))
        .catch((err: unknown) => logger.warn({ err, appointmentId: appointment.id }, "confirmation email failed"));

      res.status(201).json({ appointment });
    }),
  );

  app.post(
    "/api/bookings/:id/cancel",
    authed,
    route(async (req, res) => {
      const user = currentUser(req);
      const { id } = idParams.parse(req.params);
      const appointment = await repo.getAppointment(id);
      const isStaff = user.role === "staff" || user.role === "admin";
      // Another patient's appointment answers 404, so ids cannot be probed.
      if (!appointment || (!isStaff && appointment.patientId !== user.id)) throw new HttpError(404, "not_found");
      if (appointment.status !== "booked") throw new HttpError(409, "not_cancellable");
      if (!isStaff && new Date(appointment.startsAt).getTime() - now().getTime() < CANCEL_CUTOFF_MS) {
        throw new HttpError(409, "too_late_to_cancel");
      }
      await repo.setAppointmentStatus(id, "cancelled");
      await repo.audit(user.id, "appointment.cancelled", "appointment", id);
      res.json({ ok: true });
    }),
  );

  app.post(
    "/api/bookings/:id/reschedule",
    authed,
    route(async (req, res) => {
      const user = currentUser(req);
      const { id } = idParams.parse(req.params);
      const { startsAt } = rescheduleBody.parse(req.body);
      const appointment = await repo.getAppointment(id);
      const isStaff = user.role === "staff" || user.role === "admin";
      // Same rules as cancelling: another patient's appointment is a 404, and patients stop 2 hours before.
      if (!appointment || (!isStaff && appointment.patientId !== user.id)) throw new HttpError(404, "not_found");
      if (appointment.status !== "booked") throw new HttpError(409, "not_reschedulable");
      if (!isStaff && new Date(appointment.startsAt).getTime() - now().getTime() < CANCEL_CUTOFF_MS) {
        throw new HttpError(409, "too_late_to_reschedule");
      }
      const at = new Date(startsAt);
      if (at.toISOString() === new Date(appointment.startsAt).toISOString()) throw new HttpError(422, "same_slot");
      await assertBookableSlot(appointment.doctorId, at);

      let moved;
      try {
        moved = await repo.rescheduleAppointment(id, at.toISOString());
      } catch (err) {
        if (err instanceof SlotTakenError) throw new HttpError(409, "slot_taken");
        throw err;
      }
      await repo.audit(user.id, "appointment.rescheduled", "appointment", id, { from: appointment.startsAt, to: moved.startsAt });

      // The front desk is told by email; like the confirmation, a mail failure does not undo the move.
      const doctor = await repo.getDoctor(appointment.doctorId);
      deps.mailer
        .send(rescheduleNotice(config.frontDeskEmail, doctor?.fullName ?? "the doctor", new Date(appointment.startsAt), at, id))
        .catch((err: unknown) => logger.warn({ err, appointmentId: id }, "reschedule notice failed"));

      res.json({ appointment: moved });
    }),
  );

  app.get(
    "/api/staff/day",
    authed,
    allow("staff", "admin"),
    route(async (req, res) => {
      const { date } = dateQuery.parse(req.query);
      const start = clinicDayStart(date);
      const end = new Date(start.getTime() + 86_400_000);
      res.json({ appointments: await repo.appointmentsBetween(start.toISOString(), end.toISOString()) });
    }),
  );

  app.post(
    "/api/invoices",
    authed,
    allow("staff", "admin"),
    route(async (req, res) => {
      const user = currentUser(req);
      const { appointmentId } = invoiceBody.parse(req.body);
      const appointment = await repo.getAppointment(appointmentId);
      if (!appointment) throw new HttpError(404, "not_found");
      if (appointment.status !== "completed" && appointment.status !== "checked_in") {
        throw new HttpError(409, "visit_not_completed");
      }
      const doctor = await repo.getDoctor(appointment.doctorId);
      if (!doctor) throw new HttpError(404, "doctor_not_found");
      const subtotalPaise = doctor.feePaise;
      const gstPaise = Math.round(subtotalPaise * GST_RATE);
      let invoice;
      try {
        invoice = await repo.createInvoice({
          appointmentId,
          patientId: appointment.patientId,
          subtotalPaise,
          gstPaise,
          totalPaise: subtotalPaise + gstPaise,
        });
      } catch (err) {
        if (err instanceof AlreadyInvoicedError) throw new HttpError(409, "already_invoiced");
        throw err;
      }
      await repo.audit(user.id, "invoice.created", "invoice", invoice.id, { totalPaise: invoice.totalPaise });
      res.status(201).json({ invoice });
    }),
  );

  app.post(
    "/api/invoices/:id/checkout",
    authed,
    allow("patient"),
    route(async (req, res) => {
      const user = currentUser(req);
      const { id } = idParams.parse(req.params);
      const invoice = await repo.getInvoice(id);
      if (!invoice || invoice.patientId !== user.id) throw new HttpError(404, "not_found");
      if (invoice.status !== "unpaid") throw new HttpError(409, "not_payable");
      const url = await deps.payments.createCheckout({
        invoiceId: invoice.id,
        amountPaise: invoice.totalPaise,
        email: user.email,
        returnUrl: `${config.appOrigin}/invoices`,
      });
      res.json({ url });
    }),
  );

  app.post(
    "/api/admin/users/:id/role",
    authed,
    allow("admin"),
    route(async (req, res) => {
      const user = currentUser(req);
      const { id } = idParams.parse(req.params);
      const { role } = roleBody.parse(req.body);
      if (id === user.id) throw new HttpError(409, "cannot_change_own_role");
      await repo.setRole(id, role);
      await repo.audit(user.id, "user.role_changed", "user", id, { role });
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
    if (err instanceof ZodError) {
      res.status(400).json({ error: "invalid_request", issues: err.issues.map((i) => ({ path: i.path, message: i.message })) });
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
