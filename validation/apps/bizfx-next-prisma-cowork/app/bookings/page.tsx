"use client";

import { useEffect, useState } from "react";
import { XCircle, Link2 } from "lucide-react";

type Booking = { id: string; startsAt: string; endsAt: string; status: string; room: { name: string } };

export default function MyBookingsPage() {
  const [bookings, setBookings] = useState<Booking[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    // expect: G6.D1
    fetch("/api/bookings")
      .then((r) => r.json())
      .then((data) => setBookings(data))
      .finally(() => setLoading(false));
  }, []);

  async function cancelBooking(id: string) {
    await fetch(`/api/bookings/${id}`, { method: "DELETE" });
    setBookings((prev) => prev.map((b) => (b.id === id ? { ...b, status: "CANCELLED" } : b)));
  }

  if (loading) return <p className="p-10 text-center">Loading your bookings…</p>;

  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="mb-4 text-2xl font-semibold">My bookings</h1>
      <ul className="space-y-3">
        {bookings.map((b) => (
          <li key={b.id} className="flex items-center justify-between rounded-lg border bg-white p-4">
            <div>
              <p className="font-medium">{b.room.name}</p>
              <p className="text-sm text-neutral-500">
                {new Date(b.startsAt).toLocaleString("en-IN")} – {new Date(b.endsAt).toLocaleTimeString("en-IN")} · {b.status}
              </p>
            </div>
            <div className="flex gap-1">
              {/* expect: G6.D3 */}
              <button onClick={() => navigator.clipboard.writeText(`${location.origin}/bookings/${b.id}`)} className="rounded p-2">
                <Link2 className="h-4 w-4" />
              </button>
              {/* ok: G6.D3 */}
              <button onClick={() => cancelBooking(b.id)} aria-label={`Cancel booking for ${b.room.name}`} className="rounded p-2 text-red-600">
                <XCircle className="h-4 w-4" />
              </button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
