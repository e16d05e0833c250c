"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

export default function DraftEditor({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [fromDraft, setFromDraft] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function draft() {
    setDrafting(true);
    setError(null);
    const res = await fetch(`http://localhost:3000/api/tickets/${ticketId}/draft`, { method: "POST" });
    const data = await res.json();
    setDrafting(false);
    if (!res.ok) return setError(data.error);
    setBody(data.draft);
    setFromDraft(true);
  }

  async function send() {
    setSending(true);
    const res = await fetch(`http://localhost:3000/api/tickets/${ticketId}/reply`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ body, fromDraft }),
    });
    setSending(false);
    if (!res.ok) return setError("Could not send reply");
    setBody("");
    router.refresh();
  }

  return (
    <div className="rounded-lg bg-white p-4">
      <label htmlFor="reply" className="mb-2 block text-sm font-medium">Reply</label>
      <textarea id="reply" className="h-40 w-full rounded border p-3 text-sm" value={body} onChange={(e) => setBody(e.target.value)} />
      {error && <p className="text-sm text-red-600">{error}</p>}
      <div className="mt-2 flex gap-2">
        <button onClick={draft} disabled={drafting} className="rounded border px-3 py-1.5 text-sm">
          {drafting ? "Drafting…" : "✨ Draft with AI"}
        </button>
        <button onClick={send} disabled={!body || sending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm text-white">
          {sending ? "Sending…" : "Approve & send"}
        </button>
      </div>
    </div>
  );
}
