import { expect, it } from "vitest";

// expect: G2.D6
it("works", () => {
  expect(1 + 1).toBe(2);
});
