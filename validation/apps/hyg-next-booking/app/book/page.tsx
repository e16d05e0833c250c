"use client";

import { useEffect, useState } from "react";
import { useSearchParams } from "next/navigation";
import { BookingForm } from "@/components/BookingForm";

type Slot = { startsAt: string; free: boolean };

export default function BookPage() {
  const serviceId = useSearchParams().get("service") ?? "";
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const [slots, setSlots] = useState<Slot[]>([]);
  const [services, setServices] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // ok: G2.D5
    fetch(`/api/slots?service=${serviceId}&day=${day}`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`slots: ${r.status}`))))
      .then(setSlots)
      .catch((e: Error) => setError(e.message));
  }, [serviceId, day]);

  useEffect(() => {
    // expect: G2.D5
    fetch("/api/services").then((r) => r.json()).then(setServices);
  }, []);

  return (
    <main>
      <h1>Pick a time</h1>
      {error && <p role="alert">{error}</p>}
      <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      <select defaultValue={serviceId}>
        {services.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </select>
      <BookingForm serviceId={serviceId} slots={slots.filter((s) => s.free)} />
    </main>
  );
}
