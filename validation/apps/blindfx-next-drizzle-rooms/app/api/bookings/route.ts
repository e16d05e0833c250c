import { NextResponse } from "next/server";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { bookings } from "@/lib/schema";
import { auth } from "@/lib/auth";
import { createBookingSchema } from "@/lib/validation";

// ok: G4.P2
export async function GET() {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const rows = await db.select().from(bookings).where(eq(bookings.userId, session.user.id));
  return NextResponse.json(rows);
}

// ok: G4.P2
export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const parsed = createBookingSchema.safeParse(await req.json());
  if (!parsed.success) return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  const [row] = await db.insert(bookings).values({ ...parsed.data, userId: session.user.id }).returning();
  return NextResponse.json(row, { status: 201 });
}
