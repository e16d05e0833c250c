"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

export default function CommentForm({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submitComment(e: React.FormEvent) {
    e.preventDefault();
    setSending(true);
    setError(null);
    const res = await fetch(`/api/tickets/${ticketId}/comments`, { method: "POST", body: JSON.stringify({ body }) });
    setSending(false);
    if (!res.ok) return setError("Your reply could not be sent. Please try again.");
    setBody("");
    router.refresh();
  }

  return (
    <form onSubmit={submitComment} className="space-y-2">
      <label htmlFor="reply" className="block text-sm font-medium">Reply</label>
      {/* ok: G6.D3 */}
      <textarea id="reply" value={body} onChange={(e) => setBody(e.target.value)} rows={4} className="w-full rounded border p-2" required />
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
      <button type="submit" disabled={sending} className="rounded bg-black px-4 py-2 text-white">
        {sending ? "Sending…" : "Send reply"}
      </button>
    </form>
  );
}
