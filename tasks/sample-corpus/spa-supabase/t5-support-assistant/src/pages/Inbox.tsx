import { useEffect, useState } from "react";
import { supabase } from "@/lib/supabase";
import { mockTickets } from "@/data/mockTickets";
import TicketRow from "@/components/TicketRow";

export default function Inbox() {
  const [tickets, setTickets] = useState<any[]>([]);
  const [status, setStatus] = useState("all");
  const [search, setSearch] = useState("");

  useEffect(() => {
    const load = async () => {
      const { data, error } = await supabase.from("tickets").select("*, customer:customers(*)").order("created_at", { ascending: false });
      if (error) console.log(error);
      // show demo data until the first email comes in
      setTickets(data?.length ? data : mockTickets);
    };
    load();
  }, []);

  const filtered = tickets
    .filter((t) => status === "all" || t.status === status)
    .filter((t) => t.subject.toLowerCase().includes(search.toLowerCase()) || t.customer?.email?.includes(search));

  return (
    <div className="panel">
      <div className="flex items-center gap-3 border-b p-4">
        <h1 className="mr-auto text-lg font-semibold">Inbox</h1>
        <input className="rounded border px-3 py-1.5 text-sm" placeholder="Search…" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select className="rounded border px-2 py-1.5 text-sm" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="all">All</option>
          <option value="open">Open</option>
          <option value="pending">Pending</option>
          <option value="solved">Solved</option>
        </select>
      </div>
      {filtered.map((t) => (
        <TicketRow key={t.id} ticket={t} />
      ))}
    </div>
  );
}
