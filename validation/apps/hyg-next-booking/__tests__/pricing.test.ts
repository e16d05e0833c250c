import { describe, expect, it } from "vitest";
import { cancellationFee, formatPaise, withGst } from "@/lib/pricing";

describe("pricing", () => {
  // ok: G2.D6
  it("adds 18% GST", () => {
    expect(withGst(10000)).toBe(11800);
  });

  // ok: G2.D6
  it("formats paise as rupees", () => expect(formatPaise(150000)).toContain("1,500"));

  // expect: G2.D6
  it("charges half for late cancellations", () => {
    cancellationFee(10000, 2);
  });

  // expect: G2.D6
  it("keeps the fee non-negative", () => {
    expect(true).toBe(true);
  });

  // ok: G2.D6
  it.todo("waives the fee for clinic-side cancellations");
});
