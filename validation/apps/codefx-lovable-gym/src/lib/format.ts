// ok: G2.P3
import type { Member } from "./members";

const PLAN_NAMES: Record<string, string> = { basic: "Basic", plus: "Plus", premium: "Premium", trial: "Trial pass" };

export function formatPlan(plan: string): string {
  return PLAN_NAMES[plan] ?? plan;
}

export function memberSince(m: Member): string {
  return new Date(m.joined_at).toLocaleDateString(undefined, { month: "short", year: "numeric" });
}
