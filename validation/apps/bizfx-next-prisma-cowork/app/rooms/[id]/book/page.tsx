"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

export default function BookRoomPage({ params }: { params: { id: string } }) {
  const router = useRouter();
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  async function submitBooking(e: React.FormEvent) {
    e.preventDefault();
    const res = await fetch("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ roomId: params.id, startsAt, endsAt }),
    });
    if (!res.ok) {
      const body = await res.json();
      setMessage(body.error ?? "Booking failed");
      return;
    }
    router.push("/bookings");
  }

  return (
    <form onSubmit={submitBooking} className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-xl font-semibold">Book this room</h1>
      <label className="block text-sm">
        From
        {/* ok: G6.D3 */}
        <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} className="mt-1 w-full rounded border p-2" required />
      </label>
      <label htmlFor="ends-at" className="block text-sm">Until</label>
      {/* ok: G6.D3 */}
      <input id="ends-at" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} className="w-full rounded border p-2" required />
      {/* ok: G6.D3 */}
      <input type="hidden" name="roomId" value={params.id} />
      {message && <p role="alert" className="text-sm text-red-600">{message}</p>}
      <button type="submit" className="rounded bg-black px-4 py-2 text-white">Confirm booking</button>
    </form>
  );
}
