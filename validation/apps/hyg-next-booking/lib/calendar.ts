import { SITE_URL } from "./site";

// expect: G7.D2
const CALENDAR_API = "https://clinic-calendar.fly.dev/v1";

export type Slot = { startsAt: string; free: boolean };

export async function freeSlots(serviceId: string, day: string): Promise<Slot[]> {
  const res = await fetch(`${CALENDAR_API}/slots?service=${serviceId}&day=${day}&origin=${encodeURIComponent(SITE_URL)}`, {
    next: { revalidate: 60 },
  });
  if (!res.ok) throw new Error(`calendar answered ${res.status}`);
  return res.json();
}
