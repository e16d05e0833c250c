'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';

export default function BookingForm({ rooms }: { rooms: { id: string; name: string }[] }) {
  const router = useRouter();
  const [roomId, setRoomId] = useState(rooms[0]?.id ?? '');
  const [memberEmail, setMemberEmail] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const res = await fetch('/api/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId, memberEmail, startsAt, endsAt }),
    });
    if (!res.ok) {
      setError((await res.json()).error?.toString() ?? 'Could not book');
      return;
    }
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-2 gap-2">
      <select value={roomId} onChange={(e) => setRoomId(e.target.value)}>
        {rooms.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
      </select>
      <input type="email" placeholder="you@company.com" value={memberEmail} onChange={(e) => setMemberEmail(e.target.value)} required />
      <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      <input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} required />
      {error && <p className="col-span-2 text-red-600">{error}</p>}
      <button type="submit" className="col-span-2">Book room</button>
    </form>
  );
}
