import { NextResponse } from "next/server";
import OpenAI from "openai";
import { auth } from "@/lib/auth";

// ok: G4.P1
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

// ok: G4.P2
export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const { question } = await req.json();
  if (typeof question !== "string" || question.length > 1000) return NextResponse.json({ error: "Invalid question" }, { status: 400 });
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
  return NextResponse.json({ answer: completion.choices[0].message.content });
}
