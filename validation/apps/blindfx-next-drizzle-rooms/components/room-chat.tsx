"use client";

import { useState } from "react";
import OpenAI from "openai";

const openai = new OpenAI({
  // expect: G4.P1
  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,
  dangerouslyAllowBrowser: true,
});

export function RoomChat() {
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");

  async function ask() {
    const res = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
    setAnswer(res.choices[0].message.content ?? "");
  }

  return (
    <div className="space-y-2">
      <textarea value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Ask about a room..." />
      <button onClick={ask}>Ask</button>
      <p>{answer}</p>
    </div>
  );
}
