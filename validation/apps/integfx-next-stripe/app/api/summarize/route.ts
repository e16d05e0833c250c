import Anthropic from "@anthropic-ai/sdk";
import { NextResponse } from "next/server";

// ok: G3.D5
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, timeout: 20_000 });

export async function POST(req: Request) {
  const { text } = await req.json();
  try {
    // ok: G3.P3
    const msg = await anthropic.messages.create({
      model: "claude-3-5-haiku-latest",
      max_tokens: 300,
      messages: [{ role: "user", content: `Summarize this invoice dispute:\n${text}` }],
    });
    return NextResponse.json({ summary: msg.content[0].type === "text" ? msg.content[0].text : "" });
  } catch {
    return NextResponse.json({ summary: null, error: "Summary unavailable right now" }, { status: 503 });
  }
}
