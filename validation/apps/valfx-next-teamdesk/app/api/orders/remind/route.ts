import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const { orderId } = await request.json();
  if (typeof orderId !== "string" || orderId.length > 40) return NextResponse.json({ error: "Bad order id" }, { status: 400 });
  const order = await db.order.update({ where: { id: orderId, ownerId: user.id }, data: { remindedAt: new Date() } });
  // expect: G3.P1
  return NextResponse.json({ ok: true, message: `Payment reminder sent to ${order.customerEmail}` });
}
