import { describe, expect, it } from "vitest"
import { statusBadge } from "@/lib/status"

describe("statusBadge", () => {
  it("falls back to the raw status", () => {
    // ok: G2.D4
    expect(statusBadge(undefined as any)).toBeUndefined()
  })
})
