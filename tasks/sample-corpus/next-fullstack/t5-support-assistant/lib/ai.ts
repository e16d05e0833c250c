import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import { prisma } from "@/lib/db";

export async function draftReplyForTicket(ticketId: string) {
  const ticket = await prisma.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: {
      customer: { include: { tickets: { include: { messages: true } } } },
      messages: { orderBy: { createdAt: "asc" } },
    },
  });

  const toneSetting = await prisma.setting.findUnique({ where: { key: "tone" } });
  const tone = (toneSetting?.value as string) ?? "friendly and concise";

  const history = ticket.customer.tickets
    .filter((t) => t.id !== ticket.id)
    .map((t) => `- ${t.subject} (${t.status}): ${t.messages.map((m) => m.body).join(" / ")}`)
    .join("\n");

  const thread = ticket.messages
    .map((m) => `${m.direction === "inbound" ? "Customer" : "Agent"}: ${m.body}`)
    .join("\n\n");

  const { text, usage } = await generateText({
    model: openai("gpt-4o-mini"),
    system: `You are a support agent for an online shop. Write in a ${tone} tone. Sign off as "The Support Team".`,
    prompt: `Previous tickets from this customer:\n${history || "none"}\n\nConversation:\n${thread}\n\nWrite the next agent reply.`,
  });

  console.log("AI usage", usage);
  return text;
}
