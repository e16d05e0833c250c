import { createClient } from "@supabase/supabase-js";

const supabaseUrl = import.meta.env.VITE_SUPABASE_URL;
const supabaseAnonKey = import.meta.env.VITE_SUPABASE_ANON_KEY;

export const supabase = createClient(supabaseUrl, supabaseAnonKey);

// admin client for the dashboard (needs to bypass RLS to see every booking)
export const supabaseAdmin = createClient(supabaseUrl, import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY, {
  auth: { persistSession: false },
});

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
  doctors?: Doctor;
};
