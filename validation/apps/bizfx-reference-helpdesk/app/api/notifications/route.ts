import { NextResponse } from "next/server";
import { requireProfile } from "@/lib/supabase/server";

export async function GET() {
  const { supabase, profile } = await requireProfile();
  const { data, error } = await supabase.from("notifications").select("*").eq("user_id", profile.id).order("created_at", { ascending: false }).limit(20);
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  return NextResponse.json(data);
}
