import { describe, expect, it } from "vitest";
import { canReschedule, rescheduleErrorMessage } from "./reschedule";

const NOW = new Date("2030-01-07T02:00:00Z");

describe("canReschedule", () => {
  it("allows a booked appointment at least 2 hours away", () => {
    expect(canReschedule({ starts_at: "2030-01-07T04:00:00Z", status: "booked" }, NOW)).toBe(true);
  });

  it("refuses within 2 hours, and for appointments that are no longer booked", () => {
    expect(canReschedule({ starts_at: "2030-01-07T03:45:00Z", status: "booked" }, NOW)).toBe(false);
    expect(canReschedule({ starts_at: "2030-01-08T04:00:00Z", status: "cancelled" }, NOW)).toBe(false);
  });
});

describe("rescheduleErrorMessage", () => {
  it("explains a taken slot and the cutoff", () => {
    expect(rescheduleErrorMessage("slot_taken")).toMatch(/pick another/);
    expect(rescheduleErrorMessage("too_late_to_reschedule")).toMatch(/front desk/);
  });
});
