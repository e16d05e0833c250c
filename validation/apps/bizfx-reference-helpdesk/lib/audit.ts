import { supabaseAdmin } from "@/lib/supabase/admin";

export async function recordAudit(actorId: string, action: string, entity: string, entityId: string, after?: unknown) {
  await supabaseAdmin.from("audit_log").insert({ actor_id: actorId, action, entity, entity_id: entityId, after });
}
