export type AppointmentStatus = "scheduled" | "checked-in" | "completed" | "cancelled";

export interface Appointment {
  id: string;
  patientId: string;
  dentist: string;
  date: string;
  time: string;
  reason: string;
  status: AppointmentStatus;
}

export interface Patient {
  id: string;
  name: string;
  phone: string;
  email: string;
  dateOfBirth: string;
  notes?: string;
}
