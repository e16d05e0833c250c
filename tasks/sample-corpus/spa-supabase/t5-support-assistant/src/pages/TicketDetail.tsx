import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { toast } from "sonner";
import { Sparkles, Send } from "lucide-react";
import { supabase } from "@/lib/supabase";
import { draftReply, sendEmail } from "@/lib/openai";

export default function TicketDetail() {
  const { id } = useParams();
  const [ticket, setTicket] = useState<any>(null);
  const [messages, setMessages] = useState<any[]>([]);
  const [draft, setDraft] = useState("");
  const [loading, setLoading] = useState(false);
  const [autopilot, setAutopilot] = useState(localStorage.getItem("autopilot") === "true");

  useEffect(() => {
    const load = async () => {
      const { data: t } = await supabase.from("tickets").select("*, customer:customers(*)").eq("id", id).single();
      const { data: msgs } = await supabase.from("messages").select("*").eq("ticket_id", id).order("created_at");
      setTicket(t);
      setMessages(msgs || []);
      if (t && msgs?.length) generate(t, msgs);
    };
    load();
  }, [id]);

  const generate = async (t = ticket, msgs = messages) => {
    setLoading(true);
    const settings = JSON.parse(localStorage.getItem("aiSettings") || "{}");
    const text = await draftReply(msgs, t.customer?.name, settings.tone);
    setDraft(text);
    setLoading(false);
    // Autopilot: answer simple tickets without waiting for an agent
    if (autopilot && msgs.length === 1) {
      await send(text, t);
    }
  };

  const send = async (body = draft, t = ticket) => {
    await sendEmail(t.customer.email, `Re: ${t.subject}`, body.replace(/\n/g, "<br/>"));
    await supabase.from("messages").insert({ ticket_id: t.id, direction: "outbound", body, from_ai: true });
    await supabase.from("tickets").update({ status: "pending" }).eq("id", t.id);
    toast.success("Reply sent");
    setDraft("");
  };

  if (!ticket) return null;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <div className="panel p-4">
        <h1 className="mb-4 text-lg font-semibold">{ticket.subject}</h1>
        <div className="space-y-4">
          {messages.map((m) => (
            <div key={m.id} className={`rounded-lg p-3 ${m.direction === "inbound" ? "bg-zinc-100" : "bg-violet-50"}`}>
              <div className="message-body text-sm" dangerouslySetInnerHTML={{ __html: m.body_html || m.body }} />
            </div>
          ))}
        </div>
        <div className="mt-6 space-y-2">
          <textarea className="h-40 w-full rounded border p-3 text-sm" value={loading ? "Drafting…" : draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="flex gap-2">
            <button className="btn" onClick={() => generate()}><Sparkles className="h-4 w-4" /> Regenerate</button>
            <button className="btn" onClick={() => send()}><Send className="h-4 w-4" /> Send</button>
            <label className="ml-auto flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={autopilot}
                onChange={(e) => {
                  setAutopilot(e.target.checked);
                  localStorage.setItem("autopilot", String(e.target.checked));
                }}
              />
              Autopilot
            </label>
          </div>
        </div>
      </div>
      <aside className="panel p-4 text-sm">
        <h2 className="mb-2 font-semibold">Customer</h2>
        <p>{ticket.customer?.name}</p>
        <p className="text-zinc-500">{ticket.customer?.email}</p>
        <p className="mt-2 text-zinc-500">Lifetime orders: {ticket.customer?.orders_count ?? 0}</p>
      </aside>
    </div>
  );
}
