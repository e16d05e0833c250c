import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { Resend } from "resend";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth";

const resend = new Resend(process.env.RESEND_API_KEY);

const replySchema = z.object({
  body: z.string().min(1).max(10000),
  fromDraft: z.boolean().default(false),
});

export async function POST(req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });

  const parsed = replySchema.safeParse(await req.json());
  if (!parsed.success) return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });

  const ticket = await prisma.ticket.findUnique({ where: { id: params.id }, include: { customer: true } });
  if (!ticket) return NextResponse.json({ error: "Not found" }, { status: 404 });

  const agentId = (session.user as any).id as string;

  await resend.emails.send({
    from: "Support <support@shop.example>",
    to: ticket.customer.email,
    subject: `Re: ${ticket.subject}`,
    text: parsed.data.body,
  });

  const message = await prisma.message.create({
    data: {
      ticketId: ticket.id,
      direction: "outbound",
      body: parsed.data.body,
      aiDraft: parsed.data.fromDraft,
      approvedBy: agentId,
    },
  });
  await prisma.ticket.update({ where: { id: ticket.id }, data: { status: "pending" } });

  return NextResponse.json(message, { status: 201 });
}
