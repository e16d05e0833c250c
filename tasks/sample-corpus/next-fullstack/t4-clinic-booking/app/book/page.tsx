"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

type Doctor = { id: string; name: string; specialty: string; fee: number };

function slotsFor(date: string) {
  const slots: string[] = [];
  for (let h = 9; h < 13; h++) {
    for (const m of [0, 15, 30, 45]) {
      slots.push(`${date}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000Z`);
    }
  }
  return slots;
}

export default function BookPage() {
  const router = useRouter();
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [doctorId, setDoctorId] = useState("");
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [slot, setSlot] = useState("");
  const [error, setError] = useState("");
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    fetch("http://localhost:3000/api/doctors")
      .then((r) => r.json())
      .then(setDoctors);
  }, []);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSubmitting(true);
    setError("");
    const res = await fetch("http://localhost:3000/api/appointments", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ doctorId, startsAt: slot }),
    });
    setSubmitting(false);
    if (!res.ok) {
      const data = await res.json();
      setError(typeof data.error === "string" ? data.error : "Please check the form");
      return;
    }
    router.push("/appointments");
  }

  return (
    <form onSubmit={submit} className="max-w-lg space-y-5 rounded-xl bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Book an appointment</h1>

      <label className="block text-sm font-medium">
        Doctor
        <select className="mt-1 w-full rounded border px-3 py-2" value={doctorId} onChange={(e) => setDoctorId(e.target.value)} required>
          <option value="">Select a doctor</option>
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} — {d.specialty} (₹{d.fee})
            </option>
          ))}
        </select>
      </label>

      <label className="block text-sm font-medium">
        Date
        <input type="date" className="mt-1 w-full rounded border px-3 py-2" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>

      <div className="grid grid-cols-4 gap-2">
        {slotsFor(date).map((s) => (
          <button
            type="button"
            key={s}
            onClick={() => setSlot(s)}
            className={`rounded border px-2 py-1 text-sm ${slot === s ? "bg-blue-600 text-white" : ""}`}
          >
            {s.slice(11, 16)}
          </button>
        ))}
      </div>

      {error && <p className="text-sm text-red-600">{error}</p>}
      <button disabled={!doctorId || !slot || submitting} className="rounded-lg bg-blue-600 px-4 py-2 text-white disabled:opacity-50">
        {submitting ? "Booking…" : "Confirm booking"}
      </button>
    </form>
  );
}
