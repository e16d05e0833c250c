export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  public: {
    Tables: {
      invoices: {
        Row: { id: string; user_id: string; client_id: string | null; number: string; amount: number; status: string; notes: string | null; terms: string | null; created_at: string }
        Insert: { id?: string; user_id: string; client_id?: string | null; number: string; amount: number; status?: string; notes?: string | null; terms?: string | null }
        Update: { id?: string; client_id?: string | null; number?: string; amount?: number; status?: string; notes?: string | null; terms?: string | null }
      }
    }
  }
}
