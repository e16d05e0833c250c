import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAdmin } from "@/lib/supabase/server";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { recordAudit } from "@/lib/audit";

export async function PATCH(req: Request, { params }: { params: { id: string } }) {
  const { profile: admin } = await requireAdmin();
  const { role } = z.object({ role: z.enum(["customer", "agent", "admin"]) }).parse(await req.json());
  const { error } = await supabaseAdmin.from("profiles").update({ role }).eq("id", params.id);
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  await recordAudit(admin.id, "user.role_changed", "profile", params.id, { role });
  return NextResponse.json({ ok: true });
}
