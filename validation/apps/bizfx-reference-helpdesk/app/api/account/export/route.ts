import { NextResponse } from "next/server";
import { requireProfile } from "@/lib/supabase/server";

export async function GET() {
  const { supabase, profile } = await requireProfile();
  const { data: tickets } = await supabase.from("tickets").select("*, comments(*)").eq("customer_id", profile.id);
  const body = JSON.stringify({ profile, tickets }, null, 2);
  return new NextResponse(body, {
    headers: { "Content-Type": "application/json", "Content-Disposition": 'attachment; filename="my-helpdesk-data.json"' },
  });
}
