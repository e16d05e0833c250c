import { describe, it, expect, vi } from "vitest";

vi.mock("@/lib/db", () => ({ prisma: {} }));

describe("draftReplyForTicket", () => {
  it("drafts a reply", async () => {
    const { draftReplyForTicket } = await import("@/lib/ai");
    expect(draftReplyForTicket).toBeDefined;
  });

  it.skip("includes customer history in the prompt", () => {});
});
