import type { SupabaseClient } from "@supabase/supabase-js";

export type AppRole = "admin" | "staff" | "patient";
export type AppointmentStatus = "booked" | "checked_in" | "completed" | "cancelled" | "no_show";

export interface Appointment {
  id: string;
  patientId: string;
  doctorId: string;
  startsAt: string;
  status: AppointmentStatus;
}

export interface DayAppointment extends Appointment {
  patientName: string;
  doctorName: string;
}

export interface Doctor {
  id: string;
  fullName: string;
  feePaise: number;
  active: boolean;
}

export interface Invoice {
  id: string;
  appointmentId: string;
  patientId: string;
  subtotalPaise: number;
  gstPaise: number;
  totalPaise: number;
  status: "unpaid" | "paid" | "void";
}

export interface DueReminder {
  appointmentId: string;
  patientId: string;
  doctorName: string;
  startsAt: string;
}

/** Raised when the partial unique index on (doctor_id, starts_at) rejects a booking. */
export class SlotTakenError extends Error {
  constructor() {
    super("slot_taken");
    this.name = "SlotTakenError";
  }
}

/** Raised when an appointment already has an invoice (unique appointment_id). */
export class AlreadyInvoicedError extends Error {
  constructor() {
    super("already_invoiced");
    this.name = "AlreadyInvoicedError";
  }
}

export interface Repo {
  ping(): Promise<void>;
  getDoctor(id: string): Promise<Doctor | null>;
  doctorHours(doctorId: string, weekday: number): Promise<{ startMinute: number; endMinute: number }[]>;
  takenSlots(doctorId: string, fromIso: string, toIso: string): Promise<string[]>;
  createAppointment(input: { patientId: string; doctorId: string; startsAt: string }): Promise<Appointment>;
  getAppointment(id: string): Promise<Appointment | null>;
  setAppointmentStatus(id: string, status: AppointmentStatus): Promise<void>;
  /** Moves a booked appointment to a new slot; throws SlotTakenError when that slot is taken. */
  rescheduleAppointment(id: string, startsAt: string): Promise<Appointment>;
  appointmentsBetween(fromIso: string, toIso: string): Promise<DayAppointment[]>;
  createInvoice(input: Omit<Invoice, "id" | "status">): Promise<Invoice>;
  getInvoice(id: string): Promise<Invoice | null>;
  markInvoicePaid(invoiceId: string, stripeSessionId: string): Promise<void>;
  /** Returns false when the event was already processed (webhook redelivery). */
  markWebhookProcessed(eventId: string): Promise<boolean>;
  setRole(userId: string, role: AppRole): Promise<void>;
  audit(actorId: string | null, action: string, entity: string, entityId: string | null, details?: Record<string, unknown>): Promise<void>;
  dueReminders(fromIso: string, toIso: string): Promise<DueReminder[]>;
  markReminderSent(appointmentId: string): Promise<void>;
  userEmail(userId: string): Promise<string | null>;
}

const UNIQUE_VIOLATION = "23505";

type AppointmentRow = { id: string; patient_id: string; doctor_id: string; starts_at: string; status: AppointmentStatus };
type InvoiceRow = {
  id: string;
  appointment_id: string;
  patient_id: string;
  subtotal_paise: number;
  gst_paise: number;
  total_paise: number;
  status: Invoice["status"];
};

const toAppointment = (r: AppointmentRow): Appointment => ({
  id: r.id,
  patientId: r.patient_id,
  doctorId: r.doctor_id,
  startsAt: r.starts_at,
  status: r.status,
});

const toInvoice = (r: InvoiceRow): Invoice => ({
  id: r.id,
  appointmentId: r.appointment_id,
  patientId: r.patient_id,
  subtotalPaise: r.subtotal_paise,
  gstPaise: r.gst_paise,
  totalPaise: r.total_paise,
  status: r.status,
});

const minutesOf = (time: string): number => {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
};

function check<T>(result: { data: T; error: { message: string; code?: string } | null }): T {
  if (result.error) {
    throw Object.assign(new Error(result.error.message), { code: result.error.code });
  }
  return result.data;
}

/** Server-side data access with the service-role client. Every caller has already checked identity and role. */
export function createSupabaseRepo(db: SupabaseClient): Repo {
  return {
    async ping() {
      check(await db.from("doctors").select("id", { head: true, count: "exact" }).limit(1));
    },

    async getDoctor(id) {
      const row = check(await db.from("doctors").select("id, full_name, fee_paise, active").eq("id", id).maybeSingle());
      return row ? { id: row.id, fullName: row.full_name, feePaise: row.fee_paise, active: row.active } : null;
    },

    async doctorHours(doctorId, weekday) {
      const rows = check(
        await db.from("doctor_hours").select("starts_at, ends_at").eq("doctor_id", doctorId).eq("weekday", weekday),
      );
      return (rows ?? []).map((r) => ({ startMinute: minutesOf(r.starts_at), endMinute: minutesOf(r.ends_at) }));
    },

    async takenSlots(doctorId, fromIso, toIso) {
      const rows = check(
        await db
          .from("appointments")
          .select("starts_at")
          .eq("doctor_id", doctorId)
          .neq("status", "cancelled")
          .gte("starts_at", fromIso)
          .lt("starts_at", toIso),
      );
      return (rows ?? []).map((r) => new Date(r.starts_at).toISOString());
    },

    async createAppointment({ patientId, doctorId, startsAt }) {
      const { data, error } = await db
        .from("appointments")
        .insert({ patient_id: patientId, doctor_id: doctorId, starts_at: startsAt })
        .select("id, patient_id, doctor_id, starts_at, status")
        .single();
      if (error?.code === UNIQUE_VIOLATION) throw new SlotTakenError();
      if (error) throw Object.assign(new Error(error.message), { code: error.code });
      return toAppointment(data as AppointmentRow);
    },

    async getAppointment(id) {
      const row = check(
        await db.from("appointments").select("id, patient_id, doctor_id, starts_at, status").eq("id", id).maybeSingle(),
      );
      return row ? toAppointment(row as AppointmentRow) : null;
    },

    async setAppointmentStatus(id, status) {
      check(await db.from("appointments").update({ status, updated_at: new Date().toISOString() }).eq("id", id));
    },

    async rescheduleAppointment(id, startsAt) {
      const current = check(await db.from("appointments").select("starts_at").eq("id", id).single());
      const { data, error } = await db
        .from("appointments")
        .update({
          starts_at: startsAt,
          rescheduled_from: current.starts_at,
          reminder_sent_at: null,
          updated_at: new Date().toISOString(),
        })
        .eq("id", id)
        .eq("status", "booked")
        .select("id, patient_id, doctor_id, starts_at, status")
        .single();
      if (error?.code === UNIQUE_VIOLATION) throw new SlotTakenError();
      if (error) throw Object.assign(new Error(error.message), { code: error.code });
      return toAppointment(data as AppointmentRow);
    },

    async appointmentsBetween(fromIso, toIso) {
      const rows = check(
        await db
          .from("appointments")
          .select("id, patient_id, doctor_id, starts_at, status, profiles(full_name), doctors(full_name)")
          .gte("starts_at", fromIso)
          .lt("starts_at", toIso)
          .order("starts_at")
          .limit(500),
      );
      return (rows ?? []).map((r) => {
        const profile = r.profiles as unknown as { full_name: string } | null;
        const doctor = r.doctors as unknown as { full_name: string } | null;
        return {
          ...toAppointment(r as AppointmentRow),
          patientName: profile?.full_name ?? "",
          doctorName: doctor?.full_name ?? "",
        };
      });
    },

    async createInvoice(input) {
      const { data, error } = await db
        .from("invoices")
        .insert({
          appointment_id: input.appointmentId,
          patient_id: input.patientId,
          subtotal_paise: input.subtotalPaise,
          gst_paise: input.gstPaise,
          total_paise: input.totalPaise,
        })
        .select("id, appointment_id, patient_id, subtotal_paise, gst_paise, total_paise, status")
        .single();
      if (error?.code === UNIQUE_VIOLATION) throw new AlreadyInvoicedError();
      if (error) throw Object.assign(new Error(error.message), { code: error.code });
      return toInvoice(data as InvoiceRow);
    },

    async getInvoice(id) {
      const row = check(
        await db
          .from("invoices")
          .select("id, appointment_id, patient_id, subtotal_paise, gst_paise, total_paise, status")
          .eq("id", id)
          .maybeSingle(),
      );
      return row ? toInvoice(row as InvoiceRow) : null;
    },

    async markInvoicePaid(invoiceId, stripeSessionId) {
      check(
        await db
          .from("invoices")
          .update({ status: "paid", paid_at: new Date().toISOString(), stripe_session_id: stripeSessionId })
          .eq("id", invoiceId)
          .eq("status", "unpaid"),
      );
    },

    async markWebhookProcessed(eventId) {
      const { error } = await db.from("processed_webhooks").insert({ event_id: eventId });
      if (error?.code === UNIQUE_VIOLATION) return false;
      if (error) throw new Error(error.message);
      return true;
    },

    async setRole(userId, role) {
      const { error } = await db.auth.admin.updateUserById(userId, {
        app_metadata: { role: role === "patient" ? null : role },
      });
      if (error) throw new Error(error.message);
    },

    async audit(actorId, action, entity, entityId, details = {}) {
      check(await db.from("audit_log").insert({ actor_id: actorId, action, entity, entity_id: entityId, details }));
    },

    async dueReminders(fromIso, toIso) {
      const rows = check(
        await db
          .from("appointments")
          .select("id, patient_id, starts_at, doctors(full_name)")
          .eq("status", "booked")
          .is("reminder_sent_at", null)
          .gte("starts_at", fromIso)
          .lt("starts_at", toIso)
          .limit(200),
      );
      return (rows ?? []).map((r) => ({
        appointmentId: r.id,
        patientId: r.patient_id,
        startsAt: r.starts_at,
        doctorName: (r.doctors as unknown as { full_name: string } | null)?.full_name ?? "your doctor",
      }));
    },

    async markReminderSent(appointmentId) {
      check(
        await db.from("appointments").update({ reminder_sent_at: new Date().toISOString() }).eq("id", appointmentId),
      );
    },

    async userEmail(userId) {
      const { data, error } = await db.auth.admin.getUserById(userId);
      if (error) throw new Error(error.message);
      return data.user?.email ?? null;
    },
  };
}
