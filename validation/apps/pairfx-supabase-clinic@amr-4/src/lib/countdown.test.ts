import { describe, expect, it } from "vitest";
import { timeUntil } from "./countdown";

const now = new Date("2024-03-10T09:00:00+05:30");

describe("timeUntil", () => {
  it("counts days for appointments next week", () => {
    expect(timeUntil("2024-03-13T10:00:00+05:30", now)).toBe("in 3 days");
  });

  it("counts hours on the same day", () => {
    expect(timeUntil("2024-03-10T12:30:00+05:30", now)).toBe("in 3 hours");
  });

  it("uses the singular for one minute", () => {
    expect(timeUntil("2024-03-10T09:01:30+05:30", now)).toBe("in 1 minute");
  });

  it("says when the appointment has started", () => {
    expect(timeUntil("2024-03-10T08:30:00+05:30", now)).toBe("already started");
  });
});
