import { describe, expect, it } from "vitest";
import { createBookingSchema } from "../lib/validation";

// ok: G1.D2
const mockBooking = { roomId: 1, startsAt: "2024-07-01T09:00:00Z", hours: 2, note: "Lorem ipsum dolor sit amet" };

describe("createBookingSchema", () => {
  it("accepts a valid booking", () => {
    expect(createBookingSchema.safeParse(mockBooking).success).toBe(true);
  });
  it("rejects 0 hours", () => {
    expect(createBookingSchema.safeParse({ ...mockBooking, hours: 0 }).success).toBe(false);
  });
});
