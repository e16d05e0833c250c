import Stripe from "stripe";
import type { Logger } from "pino";
import type { Repo } from "./repo.js";

export const GST_RATE = 0.18;
export const CLINIC_TIME_ZONE = "Asia/Kolkata";

// ---------------------------------------------------------------------------
// Retry helper for outbound calls
// ---------------------------------------------------------------------------

export class RetryableError extends Error {}

export async function withRetry<T>(
  fn: () => Promise<T>,
  { attempts = 3, baseDelayMs = 250 }: { attempts?: number; baseDelayMs?: number } = {},
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      const retryable = err instanceof RetryableError || (err instanceof Error && err.name === "TimeoutError");
      if (!retryable || attempt === attempts) break;
      const delay = baseDelayMs * 2 ** (attempt - 1) + Math.floor(Math.random() * baseDelayMs);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------
// Email (Resend HTTP API)
// ---------------------------------------------------------------------------

export type EmailMessage = { to: string; subject: string; text: string; idempotencyKey: string };

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

export function createResendMailer(opts: { apiKey: string; from: string; fetchImpl?: typeof fetch }): Mailer {
  const doFetch = opts.fetchImpl ?? fetch;
  return {
    async send(message) {
      await withRetry(async () => {
        const res = await doFetch("https://api.resend.com/emails", {
          method: "POST",
          signal: AbortSignal.timeout(5_000),
          headers: {
            Authorization: `Bearer ${opts.apiKey}`,
            "Content-Type": "application/json",
            "Idempotency-Key": message.idempotencyKey,
          },
          body: JSON.stringify({ from: opts.from, to: message.to, subject: message.subject, text: message.text }),
        });
        if (res.status === 429 || res.status >= 500) throw new RetryableError(`email provider answered ${res.status}`);
        if (!res.ok) throw new Error(`email rejected with ${res.status}`);
      });
    },
  };
}

const dateTimeFormat = new Intl.DateTimeFormat("en-IN", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: true,
  timeZone: CLINIC_TIME_ZONE,
});

export function bookingConfirmation(to: string, doctorName: string, startsAt: Date, appointmentId: string): EmailMessage {
  return {
    to,
    subject: "Your CareSlot appointment is confirmed",
    text: `Your appointment with ${doctorName} is confirmed for ${dateTimeFormat.format(startsAt)}.\n\nYou can cancel up to 2 hours before from "My appointments".`,
    idempotencyKey: `booking-confirmation-${appointmentId}`,
  };
}

export function rescheduleNotice(
  to: string,
  doctorName: string,
  from: Date,
  moved: Date,
  appointmentId: string,
): EmailMessage {
  return {
    to,
    subject: `Rescheduled: ${doctorName}, ${dateTimeFormat.format(moved)}`,
    text: `A patient moved their appointment with ${doctorName} from ${dateTimeFormat.format(from)} to ${dateTimeFormat.format(moved)}.\n\nThe day view already shows the new time.`,
    idempotencyKey: `reschedule-notice-${appointmentId}-${moved.getTime()}`,
  };
}

export async function sendDueReminders(repo: Repo, mailer: Mailer, logger: Logger, now = new Date()): Promise<number> {
  const from = new Date(now.getTime() + 23 * 3_600_000).toISOString();
  const to = new Date(now.getTime() + 25 * 3_600_000).toISOString();
  const due = await repo.dueReminders(from, to);
  let sent = 0;
  for (const item of due) {
    try {
      const email = await repo.userEmail(item.patientId);
      if (!email) continue;
      await mailer.send({
        to: email,
        subject: "Reminder: your appointment tomorrow",
        text: `This is a reminder of your appointment with ${item.doctorName} on ${dateTimeFormat.format(new Date(item.startsAt))}.`,
        idempotencyKey: `reminder-${item.appointmentId}`,
      });
      await repo.markReminderSent(item.appointmentId);
      sent++;
    } catch (err) {
      logger.warn({ err, appointmentId: item.appointmentId }, "reminder not sent; will retry next run");
    }
  }
  return sent;
}

// ---------------------------------------------------------------------------
// Payments (Stripe Checkout)
// ---------------------------------------------------------------------------

export type PaymentEvent = { id: string; type: string; invoiceId?: string; sessionId?: string };

export interface Payments {
  createCheckout(input: { invoiceId: string; amountPaise: number; email: string; returnUrl: string }): Promise<string>;
  /** Throws when the signature does not match. */
  verifyWebhook(rawBody: Buffer, signature: string): PaymentEvent;
}

export function createStripePayments(secretKey: string, webhookSecret: string): Payments {
  const stripe = new Stripe(secretKey, { timeout: 10_000, maxNetworkRetries: 2 });
  return {
    async createCheckout({ invoiceId, amountPaise, email, returnUrl }) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          customer_email: email,
          client_reference_id: invoiceId,
          metadata: { invoiceId },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: "inr",
                unit_amount: amountPaise,
                product_data: { name: "CareSlot consultation (incl. 18% GST)" },
              },
            },
          ],
          success_url: `${returnUrl}?payment=success`,
          cancel_url: `${returnUrl}?payment=cancelled`,
        },
        { idempotencyKey: `checkout-${invoiceId}-${amountPaise}` },
      );
      if (!session.url) throw new Error("checkout session has no url");
      return session.url;
    },

    verifyWebhook(rawBody, signature) {
      const event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
      if (event.type === "checkout.session.completed") {
        const session = event.data.object;
        return { id: event.id, type: event.type, invoiceId: session.metadata?.invoiceId, sessionId: session.id };
      }
      return { id: event.id, type: event.type };
    },
  };
}
