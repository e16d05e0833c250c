'use client';

import { useState } from 'react';

export default function ReplyBox({ onReply, busy }: { onReply: (body: string) => Promise<void>; busy: boolean }) {
  const [body, setBody] = useState('');

  const handleSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    await onReply(body);
    setBody('');
  };

  return (
    // ok: G1.D1
    <form onSubmit={handleSubmit} className="mt-6 space-y-2">
      <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={4} className="w-full rounded border p-2" placeholder="Write a reply…" />
      <button disabled={busy} className="rounded bg-indigo-600 px-4 py-2 text-white">{busy ? 'Sending…' : 'Send reply'}</button>
    </form>
  );
}
