import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";

// Public room search (no login needed to browse rooms)
// ok: G4.P2
export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const q = searchParams.get("q") ?? "";
  const city = searchParams.get("city");
  if (city) {
    // ok: G4.P3
    const byCity = await db.execute(sql`SELECT id, name, city, capacity FROM rooms WHERE city = ${city} ORDER BY name`);
    return NextResponse.json(byCity);
  }
  // expect: G4.P3
  const rows = await db.execute(sql.raw(`SELECT id, name, city, capacity FROM rooms WHERE name ILIKE '%${q}%' ORDER BY name`));
  return NextResponse.json(rows);
}
