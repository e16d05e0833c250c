'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { requestJson } from '@/lib/http';

type Ticket = { id: string };

export default function TicketForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const handleSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setSaving(true);
    setError(null);
    try {
      const ticket = await requestJson<Ticket>('/api/tickets', {
        method: 'POST',
        body: JSON.stringify({
          subject: form.get('subject'),
          body: form.get('body'),
          customerEmail: form.get('customerEmail'),
          priority: form.get('priority'),
        }),
      });
      router.push(`/tickets/${ticket.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not create the ticket');
    } finally {
      setSaving(false);
    }
  };

  return (
    // ok: G1.D1
    <form onSubmit={handleSubmit} className="mt-6 space-y-4">
      <input name="subject" required placeholder="Subject" className="w-full rounded border p-2" />
      {/* ok: G1.D2 */}
      <input name="customerEmail" type="email" required placeholder="customer@example.com" className="w-full rounded border p-2" />
      <select name="priority" defaultValue="normal" className="w-full rounded border p-2">
        <option value="low">Low</option>
        <option value="normal">Normal</option>
        <option value="urgent">Urgent</option>
      </select>
      <textarea name="body" required rows={6} className="w-full rounded border p-2" />
      {error && <p className="text-sm text-red-600">{error}</p>}
      <button disabled={saving} className="rounded bg-indigo-600 px-4 py-2 text-white">{saving ? 'Creating…' : 'Create ticket'}</button>
    </form>
  );
}
