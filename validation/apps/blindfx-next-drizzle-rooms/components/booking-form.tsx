"use client";

import { useState } from "react";

export function BookingForm({ roomId }: { roomId: number }) {
  const [note, setNote] = useState("");
  const [hours, setHours] = useState(1);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        await fetch("/api/bookings", { method: "POST", body: JSON.stringify({ roomId, hours, startsAt: new Date(), note }) });
      }}
    >
      <input type="number" min={1} max={12} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
      {/* ok: G1.D2 */}
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Team offsite, need a projector" />
      <button type="submit">Book</button>
    </form>
  );
}
