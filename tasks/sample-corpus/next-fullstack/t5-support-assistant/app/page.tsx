"use client";

import { useEffect, useState } from "react";
import Link from "next/link";

type Ticket = {
  id: string;
  subject: string;
  status: string;
  createdAt: string;
  customer?: { email: string; name?: string };
  customerEmail?: string;
  assignee?: { name: string } | null;
};

export default function InboxPage() {
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [status, setStatus] = useState("open");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    const params = new URLSearchParams({ status, page: String(page) });
    if (search) params.set("search", search);
    fetch(`http://localhost:3000/api/tickets?${params}`)
      .then((r) => r.json())
      .then((data) => {
        setTickets(data.tickets ?? []);
        setLoading(false);
      });
  }, [status, search, page]);

  return (
    <div className="rounded-xl bg-white shadow-sm">
      <div className="flex items-center gap-3 border-b p-4">
        <h1 className="mr-auto text-lg font-semibold">Inbox</h1>
        <input
          aria-label="Search tickets"
          className="rounded border px-3 py-1.5 text-sm"
          placeholder="Search subject or email"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select aria-label="Status" className="rounded border px-2 py-1.5 text-sm" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="open">Open</option>
          <option value="pending">Pending</option>
          <option value="solved">Solved</option>
          <option value="all">All</option>
        </select>
      </div>

      {loading ? (
        <p className="p-6 text-sm text-slate-500">Loading tickets…</p>
      ) : tickets.length === 0 ? (
        <p className="p-6 text-sm text-slate-500">No tickets here. 🎉</p>
      ) : (
        <ul>
          {tickets.map((t) => (
            <li key={t.id} className="border-b last:border-0">
              <Link href={`/tickets/${t.id}`} className="flex justify-between px-4 py-3 hover:bg-slate-50">
                <span>
                  <span className="font-medium">{t.subject}</span>
                  <span className="ml-2 text-sm text-slate-500">{t.customer?.email ?? t.customerEmail}</span>
                </span>
                <span className="text-xs text-slate-400">{new Date(t.createdAt).toLocaleDateString()}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <div className="flex justify-end gap-2 p-3 text-sm">
        <button disabled={page === 1} onClick={() => setPage(page - 1)}>Previous</button>
        <button onClick={() => setPage(page + 1)}>Next</button>
      </div>
    </div>
  );
}
