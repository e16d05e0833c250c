import { beforeEach, describe, expect, it, vi } from "vitest";
import request from "supertest";
import pino from "pino";
import { createApp, type AuthUser, type Deps } from "./app.js";
import { SlotTakenError, type Appointment, type Repo } from "./repo.js";

const DOCTOR = "5b7c1f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const PATIENT: AuthUser = { id: "0f6a3c1e-2222-4aaa-9bbb-111111111111", email: "asha@example.com", role: "patient" };
const OTHER_PATIENT_ID = "0f6a3c1e-3333-4aaa-9bbb-222222222222";
const STAFF: AuthUser = { id: "0f6a3c1e-4444-4aaa-9bbb-333333333333", email: "desk@example.com", role: "staff" };
const APPOINTMENT_ID = "9d8c7b6a-5555-4ccc-8ddd-444444444444";
// Monday 07/01/2030, 09:30 IST
const MONDAY_0930_IST = "2030-01-07T04:00:00.000Z";
const NOW = new Date("2030-01-01T00:00:00.000Z");

function fakeRepo(): Repo {
  return {
    ping: vi.fn().mockResolvedValue(undefined),
    getDoctor: vi.fn().mockResolvedValue({ id: DOCTOR, fullName: "Dr. Kulkarni", feePaise: 50_000, active: true }),
    doctorHours: vi.fn().mockResolvedValue([{ startMinute: 9 * 60, endMinute: 13 * 60 }]),
    takenSlots: vi.fn().mockResolvedValue([]),
    createAppointment: vi.fn(async (input: { patientId: string; doctorId: string; startsAt: string }) => ({
      id: APPOINTMENT_ID,
      ...input,
      status: "booked" as const,
    })),
    getAppointment: vi.fn().mockResolvedValue(null),
    setAppointmentStatus: vi.fn().mockResolvedValue(undefined),
    rescheduleAppointment: vi.fn(async (id: string, startsAt: string) => ({
      id,
      patientId: PATIENT.id,
      doctorId: DOCTOR,
      startsAt,
      status: "booked" as const,
    })),
    appointmentsBetween: vi.fn().mockResolvedValue([]),
    createInvoice: vi.fn(async (input: Parameters<Repo["createInvoice"]>[0]) => ({ id: "inv-1", status: "unpaid" as const, ...input })),
    getInvoice: vi.fn().mockResolvedValue(null),
    markInvoicePaid: vi.fn().mockResolvedValue(undefined),
    markWebhookProcessed: vi.fn().mockResolvedValue(true),
    setRole: vi.fn().mockResolvedValue(undefined),
    audit: vi.fn().mockResolvedValue(undefined),
    dueReminders: vi.fn().mockResolvedValue([]),
    markReminderSent: vi.fn().mockResolvedValue(undefined),
    userEmail: vi.fn().mockResolvedValue(null),
  };
}

let repo: Repo;
let deps: Deps;

function app() {
  return createApp(deps);
}

beforeEach(() => {
  repo = fakeRepo();
  const users: Record<string, AuthUser> = { "patient-token": PATIENT, "staff-token": STAFF };
  deps = {
    repo,
    verifyToken: async (token) => users[token] ?? null,
    sendMagicLink: vi.fn().mockResolvedValue(undefined),
    payments: {
      createCheckout: vi.fn().mockResolvedValue("https://checkout.example/session"),
      verifyWebhook: vi.fn(() => {
        throw new Error("bad signature");
      }),
    },
    mailer: { send: vi.fn().mockResolvedValue(undefined) },
    logger: pino({ level: "silent" }),
    config: {
      appOrigin: "https://careslot.example",
      supabaseUrl: "https://project.supabase.co",
      frontDeskEmail: "frontdesk@careslot.example",
    },
    now: () => NOW,
  };
});

describe("GET /health", () => {
  it("answers 200 with security headers when the database is reachable", async () => {
    const res = await request(app()).get("/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", db: "ok" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers 503 when the database is down", async () => {
    vi.mocked(repo.ping).mockRejectedValueOnce(new Error("connection refused"));
    const res = await request(app()).get("/health");
    expect(res.status).toBe(503);
    expect(res.body.db).toBe("unreachable");
  });
});

describe("POST /api/bookings", () => {
  const book = (token: string | null, body: object) => {
    const req = request(app()).post("/api/bookings").send(body);
    return token ? req.set("Authorization", `Bearer ${token}`) : req;
  };

  it("rejects anonymous requests", async () => {
    const res = await book(null, { doctorId: DOCTOR, startsAt: MONDAY_0930_IST });
    expect(res.status).toBe(401);
    expect(repo.createAppointment).not.toHaveBeenCalled();
  });

  it("books a free slot inside working hours for the signed-in patient", async () => {
    const res = await book("patient-token", { doctorId: DOCTOR, startsAt: MONDAY_0930_IST });
    expect(res.status).toBe(201);
    expect(repo.createAppointment).toHaveBeenCalledWith({ patientId: PATIENT.id, doctorId: DOCTOR, startsAt: MONDAY_0930_IST });
    expect(repo.audit).toHaveBeenCalledWith(PATIENT.id, "appointment.booked", "appointment", APPOINTMENT_ID, expect.any(Object));
    expect(deps.mailer.send).toHaveBeenCalledOnce();
  });

  it("rejects a patientId smuggled into the body", async () => {
    const res = await book("patient-token", { doctorId: DOCTOR, startsAt: MONDAY_0930_IST, patientId: OTHER_PATIENT_ID });
    expect(res.status).toBe(400);
    expect(repo.createAppointment).not.toHaveBeenCalled();
  });

  it("answers 409 when the slot is already taken", async () => {
    vi.mocked(repo.createAppointment).mockRejectedValueOnce(new SlotTakenError());
    const res = await book("patient-token", { doctorId: DOCTOR, startsAt: MONDAY_0930_IST });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "slot_taken" });
  });

  it("rejects slots off the 15-minute grid or outside working hours", async () => {
    const offGrid = await book("patient-token", { doctorId: DOCTOR, startsAt: "2030-01-07T04:07:00.000Z" });
    expect(offGrid.status).toBe(422);
    const evening = await book("patient-token", { doctorId: DOCTOR, startsAt: "2030-01-07T13:30:00.000Z" });
    expect(evening.body).toEqual({ error: "outside_working_hours" });
  });
});

describe("POST /api/bookings/:id/cancel", () => {
  const appointment = (patientId: string): Appointment => ({
    id: APPOINTMENT_ID,
    patientId,
    doctorId: DOCTOR,
    startsAt: MONDAY_0930_IST,
    status: "booked",
  });

  it("hides another patient's appointment behind a 404", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(appointment(OTHER_PATIENT_ID));
    const res = await request(app()).post(`/api/bookings/${APPOINTMENT_ID}/cancel`).set("Authorization", "Bearer patient-token");
    expect(res.status).toBe(404);
    expect(repo.setAppointmentStatus).not.toHaveBeenCalled();
  });

  it("lets the owner cancel", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(appointment(PATIENT.id));
    const res = await request(app()).post(`/api/bookings/${APPOINTMENT_ID}/cancel`).set("Authorization", "Bearer patient-token");
    expect(res.status).toBe(200);
    expect(repo.setAppointmentStatus).toHaveBeenCalledWith(APPOINTMENT_ID, "cancelled");
  });
});

describe("POST /api/bookings/:id/reschedule", () => {
  // Monday 07/01/2030, 10:00 IST
  const MONDAY_1000_IST = "2030-01-07T04:30:00.000Z";
  const booked = (patientId: string, startsAt = MONDAY_0930_IST): Appointment => ({
    id: APPOINTMENT_ID,
    patientId,
    doctorId: DOCTOR,
    startsAt,
    status: "booked",
  });
  const move = (body: object) =>
    request(app()).post(`/api/bookings/${APPOINTMENT_ID}/reschedule`).set("Authorization", "Bearer patient-token").send(body);

  it("moves the patient's own appointment and tells the front desk", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(booked(PATIENT.id));
    const res = await move({ startsAt: MONDAY_1000_IST });
    expect(res.status).toBe(200);
    expect(repo.rescheduleAppointment).toHaveBeenCalledWith(APPOINTMENT_ID, MONDAY_1000_IST);
    expect(repo.audit).toHaveBeenCalledWith(PATIENT.id, "appointment.rescheduled", "appointment", APPOINTMENT_ID, {
      from: MONDAY_0930_IST,
      to: MONDAY_1000_IST,
    });
    expect(deps.mailer.send).toHaveBeenCalledWith(expect.objectContaining({ to: "frontdesk@careslot.example" }));
  });

  it("hides another patient's appointment behind a 404", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(booked(OTHER_PATIENT_ID));
    const res = await move({ startsAt: MONDAY_1000_IST });
    expect(res.status).toBe(404);
    expect(repo.rescheduleAppointment).not.toHaveBeenCalled();
  });

  it("answers 409 when the new slot is taken", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(booked(PATIENT.id));
    vi.mocked(repo.rescheduleAppointment).mockRejectedValueOnce(new SlotTakenError());
    const res = await move({ startsAt: MONDAY_1000_IST });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "slot_taken" });
  });

  it("refuses to move an appointment less than 2 hours away", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(booked(PATIENT.id, "2030-01-01T01:00:00.000Z"));
    const res = await move({ startsAt: MONDAY_1000_IST });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "too_late_to_reschedule" });
  });

  it("rejects a new slot outside working hours", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce(booked(PATIENT.id));
    const res = await move({ startsAt: "2030-01-07T13:30:00.000Z" });
    expect(res.body).toEqual({ error: "outside_working_hours" });
    expect(repo.rescheduleAppointment).not.toHaveBeenCalled();
  });
});

describe("staff and billing", () => {
  it("keeps the front-desk day view away from patients", async () => {
    const res = await request(app()).get("/api/staff/day?date=2030-01-07").set("Authorization", "Bearer patient-token");
    expect(res.status).toBe(403);
  });

  it("computes the invoice total on the server (fee + 18% GST)", async () => {
    vi.mocked(repo.getAppointment).mockResolvedValueOnce({
      id: APPOINTMENT_ID,
      patientId: PATIENT.id,
      doctorId: DOCTOR,
      startsAt: MONDAY_0930_IST,
      status: "completed",
    });
    const res = await request(app())
      .post("/api/invoices")
      .set("Authorization", "Bearer staff-token")
      .send({ appointmentId: APPOINTMENT_ID });
    expect(res.status).toBe(201);
    expect(res.body.invoice).toMatchObject({ subtotalPaise: 50_000, gstPaise: 9_000, totalPaise: 59_000 });
  });

  it("rejects a webhook with a bad signature", async () => {
    const res = await request(app())
      .post("/api/payments/webhook")
      .set("stripe-signature", "t=1,v1=forged")
      .set("Content-Type", "application/json")
      .send("{}");
    expect(res.status).toBe(400);
    expect(repo.markInvoicePaid).not.toHaveBeenCalled();
  });
});

describe("POST /api/auth/otp", () => {
  it("rate-limits repeated sign-in requests", async () => {
    const server = app();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await request(server).post("/api/auth/otp").send({ email: "asha@example.com" });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);
  });
});
