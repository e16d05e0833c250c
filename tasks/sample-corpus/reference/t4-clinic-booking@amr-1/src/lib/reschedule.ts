/** Patients may move or cancel an appointment until 2 hours before it (the API enforces the same rule). */
export const CHANGE_CUTOFF_MS = 2 * 3_600_000;

export function canReschedule(appointment: { starts_at: string; status: string }, now: Date = new Date()): boolean {
  return appointment.status === "booked" && new Date(appointment.starts_at).getTime() - now.getTime() >= CHANGE_CUTOFF_MS;
}

/** What the API's reschedule errors mean to a patient. */
export function rescheduleErrorMessage(code: string): string {
  switch (code) {
    case "slot_taken":
      return "Someone just booked that time. Please pick another.";
    case "too_late_to_reschedule":
      return "This appointment starts within 2 hours and can no longer be moved. Please call the front desk.";
    case "same_slot":
      return "That is the time you already have.";
    default:
      return "The appointment could not be moved. Please try again.";
  }
}
