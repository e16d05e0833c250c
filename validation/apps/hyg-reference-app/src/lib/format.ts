// Usage:
//   dueLabel("2025-03-01", new Date("2025-02-28")) === "due tomorrow"
export function dueLabel(dueOn: string | null, today: Date = new Date()): string {
  if (!dueOn) return "no due date";
  const days = Math.round((Date.parse(dueOn) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / 86_400_000);
  if (days < 0) return "overdue";
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  return `due in ${days} days`;
}

/** Open tasks first, then by due date (undated last). */
export function sortTasks<T extends { done: boolean; dueOn: string | null }>(tasks: T[]): T[] {
  return [...tasks].sort((a, b) => Number(a.done) - Number(b.done) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
}
