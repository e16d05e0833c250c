import Link from "next/link";
import { requireProfile } from "@/lib/supabase/server";

const PAGE_SIZE = 25;

export default async function TicketsPage({ searchParams }: { searchParams: { page?: string; q?: string } }) {
  const page = Math.max(0, Number(searchParams.page ?? 0));
  const { supabase } = await requireProfile();
  let query = supabase.from("tickets").select("id, subject, status, created_at").order("created_at", { ascending: false }).range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  if (searchParams.q) query = query.ilike("subject", `%${searchParams.q}%`);
  const { data: tickets, error } = await query;
  if (error) throw new Error(error.message);

  return (
    <main className="mx-auto max-w-3xl p-6">
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Tickets</h1>
        <Link href="/tickets/new" className="rounded bg-black px-3 py-1.5 text-white">New ticket</Link>
      </div>
      <form className="mb-4 flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">Search tickets</label>
        {/* ok: G6.D3 */}
        <input id="q" name="q" defaultValue={searchParams.q} placeholder="Search by subject" className="flex-1 rounded border p-2" />
        <button type="submit" className="rounded border px-3">Search</button>
      </form>
      {tickets.length === 0 ? (
        <p className="py-10 text-center text-neutral-500">No tickets match. Open a new ticket to get help.</p>
      ) : (
        <ul className="divide-y rounded border">
          {tickets.map((t) => (
            <li key={t.id} className="flex justify-between p-3">
              <Link href={`/tickets/${t.id}`}>{t.subject}</Link>
              <span className="text-sm text-neutral-500">{t.status}</span>
            </li>
          ))}
        </ul>
      )}
      <nav className="mt-4 flex justify-between text-sm">
        {page > 0 && <Link href={`/tickets?page=${page - 1}`}>Previous</Link>}
        {tickets.length === PAGE_SIZE && <Link href={`/tickets?page=${page + 1}`}>Next</Link>}
      </nav>
    </main>
  );
}
