export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  public: {
    Tables: {
      appointments: {
        Row: {
          id: string
          patient_id: string
          doctor_id: string
          starts_at: string
          status: string
          notes: string | null
          created_at: string
        }
        Insert: {
          id?: string
          patient_id: string
          doctor_id: string
          starts_at: string
          status?: string
          notes?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          patient_id?: string
          doctor_id?: string
          starts_at?: string
          status?: string
          notes?: string | null
          created_at?: string
        }
      }
      doctors: {
        Row: { id: string; full_name: string; specialty: string; fee_inr: number }
        Insert: { id?: string; full_name: string; specialty: string; fee_inr?: number }
        Update: { id?: string; full_name?: string; specialty?: string; fee_inr?: number }
      }
      profiles: {
        Row: { id: string; full_name: string | null; phone: string | null }
        Insert: { id: string; full_name?: string | null; phone?: string | null }
        Update: { id?: string; full_name?: string | null; phone?: string | null }
      }
    }
  }
}
