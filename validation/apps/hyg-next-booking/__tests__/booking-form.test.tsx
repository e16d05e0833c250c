import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { BookingForm } from "@/components/BookingForm";

// ok: G7.D2
const BASE = "http://localhost:3000";

describe("BookingForm", () => {
  // ok: G2.D6
  it("says when the day is full", async () => {
    render(<BookingForm serviceId="svc_1" slots={[]} />);
    await screen.findByText("No free slots on this day.");
  });

  // expect: G2.D6
  it("renders the slots", () => {
    render(<BookingForm serviceId="svc_1" slots={[{ startsAt: "2024-10-01T09:00:00.000Z" }]} />);
  });

  // ok: G2.D6
  it("posts to the bookings API", async () => {
    const res = await fetch(`${BASE}/api/health`).catch(() => null);
    expect(res === null || res.ok).toBeTruthy();
  });
});
