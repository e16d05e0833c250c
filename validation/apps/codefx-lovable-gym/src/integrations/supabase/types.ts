// ok: G2.D3, G2.D2
export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      members: {
        Row: {
          id: string
          full_name: string
          email: string
          phone: string | null
          plan: string
          joined_at: string
          status: string
          trainer_id: string | null
          notes: string | null
          metadata: Json | null
        }
        Insert: {
          id?: string
          full_name: string
          email: string
          phone?: string | null
          plan: string
          joined_at?: string
          status: string
          trainer_id?: string | null
          notes?: string | null
          metadata?: Json | null
        }
        Update: {
          id?: string
          full_name?: string
          email?: string
          phone?: string | null
          plan?: string
          joined_at?: string
          status?: string
          trainer_id?: string | null
          notes?: string | null
          metadata?: Json | null
        }
        Relationships: [
        ]
      }
      trainers: {
        Row: {
          id: string
          full_name: string
          email: string
          specialty: string
          hourly_rate: number
          bio: string | null
          avatar_url: string | null
          created_at: string
        }
        Insert: {
          id?: string
          full_name: string
          email: string
          specialty: string
          hourly_rate: number
          bio?: string | null
          avatar_url?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          full_name?: string
          email?: string
          specialty?: string
          hourly_rate?: number
          bio?: string | null
          avatar_url?: string | null
          created_at?: string
        }
        Relationships: [
        ]
      }
      classes: {
        Row: {
          id: string
          title: string
          trainer_id: string
          starts_at: string
          ends_at: string
          capacity: number
          room: string
          level: string
          created_at: string
        }
        Insert: {
          id?: string
          title: string
          trainer_id: string
          starts_at: string
          ends_at: string
          capacity: number
          room: string
          level: string
          created_at?: string
        }
        Update: {
          id?: string
          title?: string
          trainer_id?: string
          starts_at?: string
          ends_at?: string
          capacity?: number
          room?: string
          level?: string
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "classes_trainer_id_fkey"
            columns: ["trainer_id"]
            isOneToOne: false
            referencedRelation: "trainers"
            referencedColumns: ["id"]
          },
        ]
      }
      bookings: {
        Row: {
          id: string
          class_id: string
          member_id: string
          status: string
          booked_at: string
          checked_in: boolean
          cancelled_at: string | null
        }
        Insert: {
          id?: string
          class_id: string
          member_id: string
          status: string
          booked_at?: string
          checked_in: boolean
          cancelled_at?: string | null
        }
        Update: {
          id?: string
          class_id?: string
          member_id?: string
          status?: string
          booked_at?: string
          checked_in?: boolean
          cancelled_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "bookings_class_id_fkey"
            columns: ["class_id"]
            isOneToOne: false
            referencedRelation: "classs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "bookings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      payments: {
        Row: {
          id: string
          member_id: string
          amount_cents: number
          currency: string
          status: string
          provider_ref: string | null
          paid_at: string | null
          created_at: string
        }
        Insert: {
          id?: string
          member_id: string
          amount_cents: number
          currency: string
          status: string
          provider_ref?: string | null
          paid_at?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          member_id?: string
          amount_cents?: number
          currency?: string
          status?: string
          provider_ref?: string | null
          paid_at?: string | null
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      plans: {
        Row: {
          id: string
          name: string
          price_cents: number
          interval: string
          features: Json
          active: boolean
          created_at: string
        }
        Insert: {
          id?: string
          name: string
          price_cents: number
          interval: string
          features: Json
          active: boolean
          created_at?: string
        }
        Update: {
          id?: string
          name?: string
          price_cents?: number
          interval?: string
          features?: Json
          active?: boolean
          created_at?: string
        }
        Relationships: [
        ]
      }
      check_ins: {
        Row: {
          id: string
          member_id: string
          at: string
          source: string
          device_id: string | null
        }
        Insert: {
          id?: string
          member_id: string
          at?: string
          source: string
          device_id?: string | null
        }
        Update: {
          id?: string
          member_id?: string
          at?: string
          source?: string
          device_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "check_ins_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          id: string
          user_id: string
          role: string
          display_name: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          user_id: string
          role: string
          display_name?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          user_id?: string
          role?: string
          display_name?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      equipment: {
        Row: {
          id: string
          name: string
          room: string
          serial: string | null
          last_service_at: string | null
          status: string
        }
        Insert: {
          id?: string
          name: string
          room: string
          serial?: string | null
          last_service_at?: string | null
          status: string
        }
        Update: {
          id?: string
          name?: string
          room?: string
          serial?: string | null
          last_service_at?: string | null
          status?: string
        }
        Relationships: [
        ]
      }
      announcements: {
        Row: {
          id: string
          title: string
          body: string
          published_at: string | null
          author_id: string
          created_at: string
        }
        Insert: {
          id?: string
          title: string
          body: string
          published_at?: string | null
          author_id: string
          created_at?: string
        }
        Update: {
          id?: string
          title?: string
          body?: string
          published_at?: string | null
          author_id?: string
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "announcements_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "authors"
            referencedColumns: ["id"]
          },
        ]
      }
      waitlist: {
        Row: {
          id: string
          class_id: string
          member_id: string
          position: number
          created_at: string
        }
        Insert: {
          id?: string
          class_id: string
          member_id: string
          position: number
          created_at?: string
        }
        Update: {
          id?: string
          class_id?: string
          member_id?: string
          position?: number
          created_at?: string
        }
        Relationships: []
      }
      invoices: {
        Row: {
          id: string
          member_id: string
          number: string
          total_cents: number
          issued_at: string
          due_at: string
          paid: boolean
        }
        Insert: {
          id?: string
          member_id: string
          number: string
          total_cents: number
          issued_at?: string
          due_at: string
          paid: boolean
        }
        Update: {
          id?: string
          member_id?: string
          number?: string
          total_cents?: number
          issued_at?: string
          due_at?: string
          paid?: boolean
        }
        Relationships: []
      }
      locations: {
        Row: {
          id: string
          name: string
          address: string
          city: string
          timezone: string
          created_at: string
        }
        Insert: {
          id?: string
          name: string
          address: string
          city: string
          timezone: string
          created_at?: string
        }
        Update: {
          id?: string
          name?: string
          address?: string
          city?: string
          timezone?: string
          created_at?: string
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      is_admin: { Args: { uid: string }; Returns: boolean }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type PublicSchema = Database[Extract<keyof Database, "public">]

export type Tables<
  PublicTableNameOrOptions extends
    | keyof (PublicSchema["Tables"] & PublicSchema["Views"])
    | { schema: keyof Database },
  TableName extends PublicTableNameOrOptions extends { schema: keyof Database }
    ? keyof (Database[PublicTableNameOrOptions["schema"]]["Tables"] &
        Database[PublicTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = PublicTableNameOrOptions extends { schema: keyof Database }
  ? (Database[PublicTableNameOrOptions["schema"]]["Tables"] &
      Database[PublicTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : PublicTableNameOrOptions extends keyof (PublicSchema["Tables"] & PublicSchema["Views"])
    ? (PublicSchema["Tables"] & PublicSchema["Views"])[PublicTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never
