'use client';

import { useState } from 'react';
import ReplyBox from './ReplyBox';
import { requestJson } from '@/lib/http';

type Reply = { id: string; body: string; author: string; createdAt: string };

export default function TicketThread({ ticketId, initialReplies, agent }: { ticketId: string; initialReplies: Reply[]; agent: string }) {
  const [replies, setReplies] = useState(initialReplies);
  const [busy, setBusy] = useState(false);

  const addReply = async (body: string) => {
    setBusy(true);
    try {
      const reply = await requestJson<Reply>(`/api/tickets/${ticketId}/replies`, { method: 'POST', body: JSON.stringify({ body, author: agent }) });
      setReplies((prev) => [...prev, reply]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="mt-8">
      <ol className="space-y-4">
        {replies.map((r) => (
          <li key={r.id} className="rounded border p-3">
            <p className="whitespace-pre-wrap">{r.body}</p>
            <p className="mt-1 text-xs text-gray-500">{r.author} · {new Date(r.createdAt).toLocaleString()}</p>
          </li>
        ))}
      </ol>
      <ReplyBox onReply={addReply} busy={busy} />
    </section>
  );
}
