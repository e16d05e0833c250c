import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

const SLUG = /^[a-z0-9-]{3,48}$/;

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const { slug, name, budgetHours } = await request.json();
  if (typeof slug !== "string" || !SLUG.test(slug)) {
    return NextResponse.json({ error: "Slug may only contain lowercase letters, digits and dashes" }, { status: 400 });
  }
  const hours = Number(budgetHours);
  if (!Number.isFinite(hours) || hours < 0 || hours > 10000) {
    return NextResponse.json({ error: "Budget must be between 0 and 10000 hours" }, { status: 400 });
  }
  const project = await db.project.create({ data: { slug, name: String(name ?? slug).slice(0, 80), budgetHours: hours, ownerId: user.id } });
  return NextResponse.json(project, { status: 201 });
}
