import { describe, expect, it } from "vitest";
import { dueLabel, sortTasks } from "../src/lib/format";

describe("dueLabel", () => {
  const today = new Date(2025, 1, 28);
  it("labels tomorrow", () => expect(dueLabel("2025-03-01", today)).toBe("due tomorrow"));
  it("labels overdue tasks", () => expect(dueLabel("2025-02-01", today)).toBe("overdue"));
  it("handles a missing date", () => expect(dueLabel(null, today)).toBe("no due date"));
});

describe("sortTasks", () => {
  it("puts open tasks first and undated ones last", () => {
    const sorted = sortTasks([
      { done: true, dueOn: "2025-01-01" },
      { done: false, dueOn: null },
      { done: false, dueOn: "2025-03-01" },
    ]);
    expect(sorted.map((t) => t.dueOn)).toEqual(["2025-03-01", null, "2025-01-01"]);
  });
});
