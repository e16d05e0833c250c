import OpenAI from "openai";

const openai = new OpenAI({
  apiKey: import.meta.env.VITE_OPENAI_API_KEY,
  // expect: G3.P3
  dangerouslyAllowBrowser: true,
});

export async function askVet(question: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "You are a friendly veterinary assistant." },
      { role: "user", content: question },
    ],
  });
  return completion.choices[0].message.content;
}
