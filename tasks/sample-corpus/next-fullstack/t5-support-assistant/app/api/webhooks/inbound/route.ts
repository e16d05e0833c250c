import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";

// Inbound email webhook
export async function POST(req: Request) {
  const payload = await req.json();
  const from: string = payload.from;
  const subject: string = payload.subject ?? "(no subject)";
  const inReplyTo: string | undefined = payload.headers?.["in-reply-to"];

  const customer = await prisma.customer.upsert({
    where: { email: from },
    update: {},
    create: { email: from, name: payload.fromName },
  });

  let ticket = inReplyTo
    ? await prisma.ticket.findFirst({ where: { messages: { some: { externalId: inReplyTo } } } })
    : null;

  if (!ticket) {
    ticket = await prisma.ticket.create({ data: { subject, customerId: customer.id } });
  } else if (ticket.status === "solved") {
    await prisma.ticket.update({ where: { id: ticket.id }, data: { status: "open" } });
  }

  await prisma.message.create({
    data: { ticketId: ticket.id, direction: "inbound", body: payload.text ?? "", externalId: payload.messageId },
  });

  return NextResponse.json({ ok: true });
}
