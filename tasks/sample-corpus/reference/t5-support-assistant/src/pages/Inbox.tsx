import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { formatWhen, supabase } from "../lib/supabase";

const PAGE_SIZE = 25;

type Row = {
  id: string;
  subject: string;
  status: "open" | "pending" | "solved";
  last_message_at: string;
  assignee_id: string | null;
  customers: { email: string; name: string | null } | null;
};

type State = { status: "loading" } | { status: "error" } | { status: "ready"; rows: Row[]; total: number };

export default function Inbox({ userId }: { userId: string }) {
  const [status, setStatus] = useState<"open" | "pending" | "solved">("open");
  const [mine, setMine] = useState(false);
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(0);
  const [state, setState] = useState<State>({ status: "loading" });
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: "loading" });
    let query = supabase
      .from("tickets")
      .select("id, subject, status, last_message_at, assignee_id, customers!inner(email, name)", { count: "exact" })
      .eq("status", status)
      .order("last_message_at", { ascending: false })
      .range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
    if (mine) query = query.eq("assignee_id", userId);
    const term = search.trim();
    // PostgREST filter values are passed as parameters, never spliced into SQL.
    if (term) query = query.ilike("customers.email", `%${term}%`);
    query.returns<Row[]>().then(({ data, count, error }) => {
      if (cancelled) return;
      setState(error ? { status: "error" } : { status: "ready", rows: data ?? [], total: count ?? 0 });
    });
    return () => {
      cancelled = true;
    };
  }, [status, mine, search, page, userId, reloadKey]);

  async function assignToMe(ticketId: string) {
    const { error } = await supabase.from("tickets").update({ assignee_id: userId }).eq("id", ticketId);
    if (error) setState({ status: "error" });
    else setReloadKey((k) => k + 1);
  }

  return (
    <section className="card" aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      <div role="group" aria-label="Filters">
        <label htmlFor="status">Status</label>
        <select id="status" value={status} onChange={(e) => { setStatus(e.target.value as typeof status); setPage(0); }}>
          <option value="open">Open</option>
          <option value="pending">Pending</option>
          <option value="solved">Solved</option>
        </select>
        <label htmlFor="search">Customer email</label>
        <input id="search" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(0); }} />
        <label>
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Assigned to me
        </label>
      </div>

      {state.status === "loading" && <p role="status">Loading tickets…</p>}
      {state.status === "error" && <p role="alert">Tickets could not be loaded. Check your connection and try again.</p>}
      {state.status === "ready" && state.rows.length === 0 && <p>No {status} tickets{search ? ` matching “${search}”` : ""}.</p>}
      {state.status === "ready" && state.rows.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Customer</th>
                <th scope="col">Last message</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((t) => (
                <tr key={t.id}>
                  <td><Link to={`/tickets/${t.id}`}>{t.subject}</Link></td>
                  <td>{t.customers?.name ?? t.customers?.email}</td>
                  <td>{formatWhen(t.last_message_at)}</td>
                  <td>
                    {t.assignee_id === userId ? "You" : t.assignee_id ? "Assigned" : (
                      <button type="button" onClick={() => assignToMe(t.id)} aria-label={`Assign “${t.subject}” to me`}>Take</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>Previous page</button>
            <button type="button" disabled={(page + 1) * PAGE_SIZE >= state.total} onClick={() => setPage((p) => p + 1)}>Next page</button>
            <span> Page {page + 1} of {Math.max(1, Math.ceil(state.total / PAGE_SIZE))}</span>
          </p>
        </>
      )}
    </section>
  );
}
