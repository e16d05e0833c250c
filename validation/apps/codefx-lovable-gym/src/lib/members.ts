// ok: G2.P3
import { formatPlan } from "./format";

export interface Member {
  id: string;
  full_name: string;
  email: string;
  plan: string;
  joined_at: string;
}

export function describeMember(m: Member): string {
  return `${m.full_name} · ${formatPlan(m.plan)}`;
}
