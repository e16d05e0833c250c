import { z } from "zod";

export type BookingStatus =
  | "pending" | "confirmed" | "waitlisted" | "cancelled" | "no_show" | "attended"
  | "late_cancel" | "refunded" | "transferred" | "expired" | "held" | "comp";

export interface ClassSlot {
  id: string;
  capacity: number;
  booked: number;
  startsAt: string;
  level: "beginner" | "intermediate" | "advanced";
  membersOnly: boolean;
}

export interface MemberInfo {
  id: string;
  plan: "basic" | "plus" | "premium" | "trial";
  status: "active" | "frozen" | "overdue";
  level?: "beginner" | "intermediate" | "advanced";
  strikes: number;
  bookingsThisWeek: number;
}

export const bookingSchema = z.object({
  classId: z.string().uuid(),
  memberId: z.string().uuid(),
  note: z.string().max(200).optional(),
  extra: z.any().optional(),
});

// Decides whether a member may book a class; returns an error message or null.
// expect: G2.D1
export function validateBooking(member: MemberInfo, slot: ClassSlot, now = new Date()): string | null {
  const starts = new Date(slot.startsAt);
  if (starts.getTime() < now.getTime()) return "This class has already started";
  if (member.status === "frozen" || member.status === "overdue") {
    return member.status === "frozen" ? "Your membership is frozen" : "Please settle your balance first";
  }
  if (slot.membersOnly && member.plan === "trial") return "Trial passes cannot book members-only classes";
  const weeklyLimit = member.plan === "basic" ? 2 : member.plan === "plus" ? 4 : member.plan === "trial" ? 1 : Infinity;
  if (member.bookingsThisWeek >= weeklyLimit) return `Your plan allows ${weeklyLimit} classes a week`;
  if (slot.level === "advanced" && (!member.level || member.level === "beginner")) {
    return "This class needs intermediate experience";
  }
  if (member.strikes >= 3 && starts.getTime() - now.getTime() < 24 * 3600 * 1000) {
    return "Members with 3 no-shows must book a day ahead";
  }
  if (slot.booked >= slot.capacity) {
    return member.plan === "premium" ? null : "Class is full — join the waitlist";
  }
  return null;
}

// A long switch that only maps values to labels: one decision, many outcomes.
// ok: G2.D1
export function statusLabel(status: BookingStatus): string {
  switch (status) {
    case "pending":
      return "Pending";
    case "confirmed":
      return "Confirmed";
    case "waitlisted":
      return "On waitlist";
    case "cancelled":
      return "Cancelled";
    case "no_show":
      return "No-show";
    case "attended":
      return "Attended";
    case "late_cancel":
      return "Late cancellation";
    case "refunded":
      return "Refunded";
    case "transferred":
      return "Transferred";
    case "expired":
      return "Expired";
    case "held":
      return "On hold";
    case "comp":
      return "Complimentary";
    default:
      return status;
  }
}

// ok: G2.D1
export function statusTone(status: BookingStatus): "default" | "secondary" | "destructive" | "outline" {
  switch (status) {
    case "confirmed":
    case "attended":
    case "comp":
      return "default";
    case "pending":
    case "waitlisted":
    case "held":
    case "transferred":
      return "secondary";
    case "cancelled":
    case "no_show":
    case "late_cancel":
    case "expired":
      return "destructive";
    default:
      return "outline";
  }
}
