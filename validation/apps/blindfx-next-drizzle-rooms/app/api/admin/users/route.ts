import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { users } from "@/lib/schema";

// Admin dashboard: list every account
// expect: G4.P2
export async function GET() {
  const rows = await db.select().from(users);
  return NextResponse.json(rows);
}
