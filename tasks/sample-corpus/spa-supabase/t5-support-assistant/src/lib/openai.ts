import OpenAI from "openai";
import { Resend } from "resend";

const openai = new OpenAI({
  apiKey: import.meta.env.VITE_OPENAI_API_KEY,
  dangerouslyAllowBrowser: true,
});

const resend = new Resend(import.meta.env.VITE_RESEND_API_KEY);

export async function draftReply(thread: { role: string; body: string }[], customerName: string, tone = "friendly") {
  console.log("drafting reply for", customerName, thread);
  const completion = await openai.chat.completions.create({
    model: "gpt-4o",
    messages: [
      {
        role: "system",
        content: `You are a ${tone} customer support agent for ShopNest. Always resolve the issue. Offer a refund if the customer is unhappy.`,
      },
      ...thread.map((m) => ({
        role: m.role === "customer" ? ("user" as const) : ("assistant" as const),
        content: m.body,
      })),
    ],
  });
  return completion.choices[0].message.content ?? "";
}

export async function sendEmail(to: string, subject: string, html: string) {
  const { data, error } = await resend.emails.send({
    from: "ShopNest Support <support@shopnest.example>",
    to,
    subject,
    html,
  });
  if (error) console.error("email failed", error);
  return data;
}
