import { NextResponse } from "next/server";
import { z } from "zod";
import { requireProfile } from "@/lib/supabase/server";
import { notifyTicketUpdate } from "@/lib/notify";
import { logger } from "@/lib/logger";

const PAGE_SIZE = 25;

export async function GET(req: Request) {
  const { supabase } = await requireProfile();
  const url = new URL(req.url);
  const page = Math.max(0, Number(url.searchParams.get("page") ?? 0));
  const q = url.searchParams.get("q")?.trim();
  let query = supabase.from("tickets").select("id, subject, status, created_at", { count: "exact" }).order("created_at", { ascending: false }).range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  if (q) query = query.ilike("subject", `%${q}%`);
  const { data, count, error } = await query;
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  return NextResponse.json({ tickets: data, total: count, page });
}

const NewTicket = z.object({ subject: z.string().min(3).max(200), body: z.string().min(1).max(10_000) });

export async function POST(req: Request) {
  const { supabase, profile } = await requireProfile();
  const input = NewTicket.safeParse(await req.json());
  if (!input.success) return NextResponse.json({ error: input.error.flatten() }, { status: 400 });
  const { data: ticket, error } = await supabase.from("tickets").insert({ ...input.data, customer_id: profile.id }).select().single();
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  await notifyTicketUpdate(profile.id, profile.email, `We received your ticket: ${ticket.subject}`, ticket.id);
  logger.info({ ticketId: ticket.id, customerId: profile.id }, "ticket created");
  return NextResponse.json(ticket, { status: 201 });
}
