import { describe, expect, it } from "vitest"
import { invoiceTotal } from "@/lib/invoice-math"

describe("invoiceTotal", () => {
  it("ignores broken rows", () => {
    // ok: G2.D4
    // @ts-expect-error qty is a string on purpose
    const items = [{ description: "x", qty: "2", price: 10 }]
    // ok: G2.D4
    expect(invoiceTotal(items as any)).toBe(24)
  })
})
