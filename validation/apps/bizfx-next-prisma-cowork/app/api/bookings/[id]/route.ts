import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth";

type Ctx = { params: { id: string } };

export async function PATCH(req: Request, { params }: Ctx) {
  const user = await requireUser();
  const { startsAt, endsAt } = await req.json();
  const booking = await prisma.booking.update({
    where: { id: params.id, userId: user.id },
    data: { startsAt: new Date(startsAt), endsAt: new Date(endsAt) },
  });
  return NextResponse.json(booking);
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const user = await requireUser();
  await prisma.booking.update({ where: { id: params.id, userId: user.id }, data: { status: "CANCELLED" } });
  // TODO: hook up the cancellation template in Resend
  // expect: G6.D4
  console.log("Cancellation email sent for booking", params.id);
  return new NextResponse(null, { status: 204 });
}
