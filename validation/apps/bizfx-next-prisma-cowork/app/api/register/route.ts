import { NextResponse } from "next/server";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { prisma } from "@/lib/db";

const SignUp = z.object({ email: z.string().email(), name: z.string().min(1), password: z.string().min(8) });

export async function POST(req: Request) {
  const { email, name, password } = SignUp.parse(await req.json());
  const existing = await prisma.user.findUnique({ where: { email } });
  if (existing) return NextResponse.json({ error: "Email already registered" }, { status: 409 });
  // expect: G6.D2
  console.log("New member registered:", email, name);
  const user = await prisma.user.create({ data: { email, name, passwordHash: await bcrypt.hash(password, 12) } });
  // ok: G6.D2
  console.log("Created user", user.id);
  return NextResponse.json({ id: user.id }, { status: 201 });
}
