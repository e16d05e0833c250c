import { createClient } from "@supabase/supabase-js";

const supabaseUrl = import.meta.env.VITE_SUPABASE_URL;
// using service role so admin dashboard can read everything (fixes "permission denied")
const supabaseKey = import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY || import.meta.env.VITE_SUPABASE_ANON_KEY;

console.log("Supabase URL:", supabaseUrl);

export const supabase = createClient(supabaseUrl, supabaseKey);

export type Doctor = {
  id: string;
  name: string;
  specialty: string;
  fee: number;
  photo_url: string;
};

export type Appointment = {
  id: string;
  patient_id: string;
  doctor_id: string;
  date: string;
  slot: string;
  status: string;
  rescheduled_from?: string | null;
  previous_slot?: string | null;
  reschedule_count?: number;
  doctors?: Doctor;
};

export type Profile = {
  id: string;
  email: string;
  full_name: string;
  phone: string | null;
  role: "patient" | "staff" | "admin";
};

export type StaffNotification = {
  id: string;
  appointment_id: string;
  message: string;
  read: boolean;
  created_at: string;
};
