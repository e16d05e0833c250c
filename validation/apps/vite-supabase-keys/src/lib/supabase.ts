import { createClient } from '@supabase/supabase-js'

const url = import.meta.env.VITE_SUPABASE_URL
// ok: G4.P1
const anon = import.meta.env.VITE_SUPABASE_ANON_KEY
// expect: G4.P1
const serviceKey = import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY

export const supabase = createClient(url, anon)
// ok: G4.P1
export const publicClient = createClient(url, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzAwMDAwMDAwfQ.a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5')
// expect: G4.P1
export const admin = createClient(url, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDB9.c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0')
