import { NextResponse } from "next/server";
import { z } from "zod";
import { requireProfile } from "@/lib/supabase/server";
import { recordAudit } from "@/lib/audit";

type Ctx = { params: { id: string } };

export async function GET(_req: Request, { params }: Ctx) {
  const { supabase } = await requireProfile();
  const { data, error } = await supabase.from("tickets").select("*").eq("id", params.id).single();
  if (error) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(data);
}

const Patch = z.object({ status: z.enum(["open", "pending", "solved"]).optional(), assignee_id: z.string().uuid().nullable().optional(), subject: z.string().min(3).optional() });

export async function PATCH(req: Request, { params }: Ctx) {
  const { supabase } = await requireProfile();
  const input = Patch.parse(await req.json());
  const { data, error } = await supabase.from("tickets").update({ ...input, updated_at: new Date().toISOString() }).eq("id", params.id).select().single();
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  return NextResponse.json(data);
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const { supabase, profile } = await requireProfile();
  if (profile.role !== "admin") return NextResponse.json({ error: "Forbidden" }, { status: 403 });
  const { error } = await supabase.from("tickets").delete().eq("id", params.id);
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  await recordAudit(profile.id, "ticket.deleted", "ticket", params.id);
  return new NextResponse(null, { status: 204 });
}
