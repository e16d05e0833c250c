import { describe, expect, it } from "vitest";
import { clinicDay, formatDate, formatINR } from "./format";

describe("formatINR", () => {
  it("formats paise as rupees with Indian digit grouping", () => {
    expect(formatINR(59_000)).toBe("₹590.00");
    expect(formatINR(123_456_789)).toBe("₹12,34,567.89");
  });
});

describe("formatDate", () => {
  it("shows DD/MM/YYYY in clinic time", () => {
    expect(formatDate("2026-10-15T04:00:00Z")).toBe("15/10/2026");
  });

  it("uses the clinic's day, not UTC's, near midnight", () => {
    // 20:00 UTC on the 14th is 01:30 IST on the 15th
    expect(formatDate("2026-10-14T20:00:00Z")).toBe("15/10/2026");
    expect(clinicDay(new Date("2026-10-14T20:00:00Z"))).toBe("2026-10-15");
  });
});
