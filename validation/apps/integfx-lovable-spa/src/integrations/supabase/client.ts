import { createClient } from "@supabase/supabase-js";

const SUPABASE_URL = "https://xyzcompanyclinic.supabase.co";
const SUPABASE_PUBLISHABLE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.fake-anon-key.fake";

export const supabase = createClient(SUPABASE_URL, SUPABASE_PUBLISHABLE_KEY, {
  // ok: G3.D4
  auth: { storage: localStorage, persistSession: true, autoRefreshToken: true },
});
