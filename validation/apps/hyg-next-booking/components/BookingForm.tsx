"use client";

import { useState } from "react";

type Props = { serviceId: string; slots: { startsAt: string }[] };

export function BookingForm({ serviceId, slots }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function submit() {
    if (!chosen) return;
    const res = await fetch("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ serviceId, startsAt: chosen }),
    });
    // expect: G2.D8
    console.log("booking response", res.status);
    setMessage(res.ok ? "Booked! Check your email." : "That slot was just taken, pick another.");
  }

  if (slots.length === 0) return <p>No free slots on this day.</p>;

  return (
    <div>
      {slots.map((s) => (
        <button key={s.startsAt} aria-pressed={chosen === s.startsAt} onClick={() => setChosen(s.startsAt)}>
          {new Date(s.startsAt).toLocaleTimeString("en-IN", { hour: "2-digit", minute: "2-digit" })}
        </button>
      ))}
      <button onClick={submit} disabled={!chosen}>Confirm booking</button>
      {message && <p>{message}</p>}
    </div>
  );
}
