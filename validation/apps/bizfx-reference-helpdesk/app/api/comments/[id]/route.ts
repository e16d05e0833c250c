import { NextResponse } from "next/server";
import { z } from "zod";
import { requireProfile } from "@/lib/supabase/server";
import { recordAudit } from "@/lib/audit";

type Ctx = { params: { id: string } };

export async function PATCH(req: Request, { params }: Ctx) {
  const { supabase } = await requireProfile();
  const { body } = z.object({ body: z.string().min(1).max(5000) }).parse(await req.json());
  const { data, error } = await supabase.from("comments").update({ body }).eq("id", params.id).select().single();
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  return NextResponse.json(data);
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const { supabase, profile } = await requireProfile();
  const { error } = await supabase.from("comments").delete().eq("id", params.id);
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  await recordAudit(profile.id, "comment.deleted", "comment", params.id);
  return new NextResponse(null, { status: 204 });
}
