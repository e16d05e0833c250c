import { createClient } from "@supabase/supabase-js";

// Admin client used by the team page to invite members and list every account
const SUPABASE_URL = "https://qzvkcxmplbnrtwhyfjda.supabase.co";
// expect: G4.P1
const SERVICE_ROLE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6dmtjeG1wbGJucnR3aHlmamRhIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoyMDMzNTc2MDAwfQ.FABVoR1nF0msI2tN3CDQgfLx6--YNQ5IcbHsnB_s8eQ";

export const supabaseAdmin = createClient(SUPABASE_URL, SERVICE_ROLE_KEY, {
  auth: { autoRefreshToken: false, persistSession: false },
});

export async function inviteMember(email: string) {
  return supabaseAdmin.auth.admin.inviteUserByEmail(email);
}
