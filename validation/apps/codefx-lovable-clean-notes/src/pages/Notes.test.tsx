import { describe, expect, it, vi } from "vitest";
import { excerpt } from "@/lib/noteKinds";

vi.mock("@/integrations/supabase/client", () => ({
  // ok: G2.D4
  supabase: { from: vi.fn(() => ({ select: vi.fn() })) } as any,
}));

describe("excerpt", () => {
  it("shortens long bodies", () => {
    expect(excerpt("a".repeat(200), 10)).toHaveLength(10);
  });
});
