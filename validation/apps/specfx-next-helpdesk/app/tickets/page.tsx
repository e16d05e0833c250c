import Link from 'next/link';
import { prisma } from '@/lib/prisma';
import StatusFilter from '@/components/StatusFilter';

export const dynamic = 'force-dynamic';

export default async function TicketsPage({ searchParams }: { searchParams: { status?: string } }) {
  const tickets = await prisma.ticket.findMany({
    where: searchParams.status ? { status: searchParams.status } : {},
    orderBy: { createdAt: 'desc' },
    take: 100,
  });

  return (
    <main className="mx-auto max-w-4xl p-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Tickets</h1>
        <Link href="/tickets/new" className="rounded bg-indigo-600 px-4 py-2 text-white">New ticket</Link>
      </div>
      <StatusFilter current={searchParams.status} />
      {tickets.length === 0 && <p className="mt-8 text-gray-500">No tickets yet.</p>}
      <ul className="mt-6 divide-y">
        {/* ok: G1.D1 */}
        {tickets.map((t) => (
          <li key={t.id} className="py-3">
            <Link href={`/tickets/${t.id}`} className="font-medium">{t.subject}</Link>
            <p className="text-sm text-gray-500">{t.customerEmail} · {t.status} · {t.priority}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
