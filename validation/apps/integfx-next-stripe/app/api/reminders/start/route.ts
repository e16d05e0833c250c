import { NextResponse } from "next/server";
import { supabaseAdmin } from "@/lib/supabase-admin";

let started = false;

// Starts the overdue-invoice reminder loop (called from the dashboard on load)
export async function POST() {
  if (!started) {
    started = true;
    // expect: G3.P2
    setInterval(async () => {
      const { data } = await supabaseAdmin.from("invoices").select("id, email").eq("status", "overdue");
      for (const inv of data ?? []) await supabaseAdmin.from("reminder_queue").insert({ invoice_id: inv.id, email: inv.email });
    }, 60 * 60 * 1000);
  }
  return NextResponse.json({ started: true });
}
