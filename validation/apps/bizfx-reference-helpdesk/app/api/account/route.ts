import { NextResponse } from "next/server";
import { requireProfile } from "@/lib/supabase/server";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { recordAudit } from "@/lib/audit";
import { logger } from "@/lib/logger";

export async function PATCH(req: Request) {
  const { supabase, profile } = await requireProfile();
  const { full_name } = await req.json();
  const { error } = await supabase.from("profiles").update({ full_name }).eq("id", profile.id);
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  return NextResponse.json({ ok: true });
}

export async function DELETE() {
  const { profile } = await requireProfile();
  await recordAudit(profile.id, "account.deleted", "profile", profile.id);
  const { error } = await supabaseAdmin.auth.admin.deleteUser(profile.id);
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  // ok: G6.D2
  logger.info({ userId: profile.id }, "account deleted");
  return new NextResponse(null, { status: 204 });
}
