import { notFound } from 'next/navigation';
import { prisma } from '@/lib/prisma';
import TicketThread from '@/components/TicketThread';

export default async function TicketPage({ params }: { params: { id: string } }) {
  const ticket = await prisma.ticket.findUnique({ where: { id: params.id }, include: { replies: { orderBy: { createdAt: 'asc' } } } });
  if (!ticket) notFound();

  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">{ticket.subject}</h1>
      <p className="text-sm text-gray-500">{ticket.customerEmail} · {ticket.status} · {ticket.priority}</p>
      <p className="mt-6 whitespace-pre-wrap">{ticket.body}</p>
      <TicketThread
        ticketId={ticket.id}
        agent="support"
        initialReplies={ticket.replies.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
      />
    </main>
  );
}
