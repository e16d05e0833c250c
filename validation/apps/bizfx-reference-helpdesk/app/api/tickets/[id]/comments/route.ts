import { NextResponse } from "next/server";
import { z } from "zod";
import { requireProfile } from "@/lib/supabase/server";

type Ctx = { params: { id: string } };

export async function GET(_req: Request, { params }: Ctx) {
  const { supabase } = await requireProfile();
  const { data, error } = await supabase.from("comments").select("id, body, created_at, author_id").eq("ticket_id", params.id).order("created_at").limit(200);
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  return NextResponse.json(data);
}

export async function POST(req: Request, { params }: Ctx) {
  const { supabase, profile } = await requireProfile();
  const { body } = z.object({ body: z.string().min(1).max(5000) }).parse(await req.json());
  const { data, error } = await supabase.from("comments").insert({ ticket_id: params.id, author_id: profile.id, body }).select().single();
  if (error) return NextResponse.json({ error: error.message }, { status: 400 });
  return NextResponse.json(data, { status: 201 });
}
