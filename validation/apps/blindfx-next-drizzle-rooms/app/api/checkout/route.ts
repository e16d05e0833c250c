import { NextResponse } from "next/server";
import Stripe from "stripe";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { rooms } from "@/lib/schema";
import { auth } from "@/lib/auth";

// ok: G4.P1
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

// ok: G4.P2
export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // expect: G2.P2
  const { roomId, hours, total } = await req.json();
  const intent = await stripe.paymentIntents.create({
    amount: Math.round(total * 100),
    currency: "usd",
    metadata: { roomId: String(roomId), hours: String(hours) },
  });
  return NextResponse.json({ clientSecret: intent.client_secret });
}

// Quote endpoint used by the booking sheet: price comes from the room row, not the browser
// ok: G4.P2
export async function PUT(req: Request) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const input = (await req.json()) as { roomId: unknown; hours: unknown };
  const roomId = Number(input.roomId);
  const hours = Number(input.hours);
  if (!Number.isInteger(roomId) || !Number.isInteger(hours) || hours < 1 || hours > 12) {
    return NextResponse.json({ error: "Invalid roomId or hours" }, { status: 400 });
  }
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) return NextResponse.json({ error: "Room not found" }, { status: 404 });
  // ok: G2.P2
  const intent = await stripe.paymentIntents.create({ amount: room.hourlyRateCents * hours, currency: "usd" });
  return NextResponse.json({ clientSecret: intent.client_secret });
}
