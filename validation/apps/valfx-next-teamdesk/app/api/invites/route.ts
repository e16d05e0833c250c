import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

export async function POST(req: Request) {
  const user = await currentUser();
  if (!user?.teamId) {
    return NextResponse.json({ error: "Join a team first" }, { status: 400 });
  }
  // expect: G2.P2
  const body = await req.json();
  const invite = await db.invite.create({
    data: { email: body.email, role: "member", teamId: user.teamId, message: body.message },
  });
  return NextResponse.json(invite, { status: 201 });
}
