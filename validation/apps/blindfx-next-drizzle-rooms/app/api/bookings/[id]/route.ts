import { NextResponse } from "next/server";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { bookings } from "@/lib/schema";
import { auth } from "@/lib/auth";

export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // any signed-in user can read any booking by id
  // expect: G4.P2
  const [row] = await db.select().from(bookings).where(eq(bookings.id, Number(params.id)));
  if (!row) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(row);
}

export async function PATCH(req: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // expect: G2.P2
  const body = await req.json();
  // expect: G2.P2, G4.P2
  const [row] = await db.update(bookings).set(body).where(eq(bookings.id, Number(params.id))).returning();
  return NextResponse.json(row);
}

// ok: G4.P2
export async function DELETE(_req: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  await db.delete(bookings).where(and(eq(bookings.id, Number(params.id)), eq(bookings.userId, session.user.id)));
  return new NextResponse(null, { status: 204 });
}
