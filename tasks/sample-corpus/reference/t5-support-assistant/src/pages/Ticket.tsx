import { useCallback, useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { assistant, describeError, formatWhen, supabase } from "../lib/supabase";

type Message = { id: string; direction: "inbound" | "outbound"; body: string; created_at: string };
type TicketRow = { id: string; subject: string; status: string; customers: { name: string | null; email: string } | null };

export default function Ticket() {
  const { id = "" } = useParams();
  const [ticket, setTicket] = useState<TicketRow | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [loadError, setLoadError] = useState(false);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [notice, setNotice] = useState("");
  const [drafting, setDrafting] = useState(false);
  const [sending, setSending] = useState(false);

  const load = useCallback(async () => {
    const [t, m] = await Promise.all([
      supabase.from("tickets").select("id, subject, status, customers(name, email)").eq("id", id).maybeSingle<TicketRow>(),
      supabase.from("messages").select("id, direction, body, created_at").eq("ticket_id", id).order("created_at").returns<Message[]>(),
    ]);
    if (t.error || m.error || !t.data) {
      setLoadError(true);
      return;
    }
    setTicket(t.data);
    setMessages(m.data ?? []);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function requestDraft() {
    setDrafting(true);
    setNotice("");
    try {
      const res = await assistant<{ draftId: string; body: string; fallback: boolean }>({ action: "draft", ticketId: id });
      setDraftId(res.draftId);
      setText(res.body);
      if (res.fallback) setNotice("The AI assistant is unavailable right now, so this is a standard holding reply. Please edit it before sending.");
    } catch (err) {
      setNotice(describeError(err));
    } finally {
      setDrafting(false);
    }
  }

  async function approveAndSend() {
    setSending(true);
    setNotice("");
    try {
      await assistant({ action: "send", ticketId: id, draftId, body: text });
      setText("");
      setDraftId(null);
      setNotice("Reply sent.");
      await load();
    } catch (err) {
      setNotice(describeError(err));
    } finally {
      setSending(false);
    }
  }

  if (loadError) return <p role="alert" className="card">This ticket could not be loaded. It may have been deleted.</p>;
  if (!ticket) return <p role="status">Loading ticket…</p>;

  return (
    <article className="card" aria-labelledby="ticket-title">
      <h1 id="ticket-title">{ticket.subject}</h1>
      <p>
        {ticket.customers?.name ?? "Customer"} &lt;{ticket.customers?.email}&gt; · {ticket.status}
      </p>

      <section aria-label="Conversation">
        {messages.length === 0 && <p>No messages yet.</p>}
        {messages.map((m) => (
          // Rendered as text, never as HTML: customer email bodies are untrusted.
          <div key={m.id} className={`msg ${m.direction}`}>
            <small>{m.direction === "inbound" ? "Customer" : "Us"} · {formatWhen(m.created_at)}</small>
            {"\n"}
            {m.body}
          </div>
        ))}
      </section>

      <section aria-label="Reply">
        <label htmlFor="reply">Your reply</label>
        <textarea id="reply" value={text} onChange={(e) => setText(e.target.value)} placeholder="Write a reply or ask the assistant for a draft." />
        <button type="button" onClick={requestDraft} disabled={drafting || sending}>
          {drafting ? "Drafting…" : draftId ? "Draft again" : "Draft with AI"}
        </button>
        <button type="button" onClick={approveAndSend} disabled={!text.trim() || sending || drafting}>
          {sending ? "Sending…" : "Approve and send"}
        </button>
        {draftId && <p>AI draft — read and edit it before approving. You are accountable for what is sent.</p>}
        {notice && <p role="status">{notice}</p>}
      </section>
    </article>
  );
}
