import { useState } from "react";
import { toast } from "sonner";
import { useAppointments } from "@/hooks/useAppointments";
import { usePatients } from "@/hooks/usePatients";
import { writeJSON, readJSON } from "@/lib/storage";

const DENTISTS = ["Dr. Patel", "Dr. Okafor", "Dr. Lindqvist"];

export default function Appointments() {
  const { appointments, addAppointment, cancelAppointment } = useAppointments();
  const { patients } = usePatients();
  const [form, setForm] = useState(() =>
    readJSON("appointment-form-draft", { patientId: "", dentist: DENTISTS[0], date: "", time: "09:00", reason: "" }),
  );

  const update = (patch: Partial<typeof form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    writeJSON("appointment-form-draft", next);
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!form.patientId || !form.date) {
      toast.error("Pick a patient and a date");
      return;
    }
    addAppointment(form);
    localStorage.removeItem("appointment-form-draft");
    toast.success("Appointment booked");
  };

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Appointments</h1>
      <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 rounded-lg border p-4">
        <select value={form.patientId} onChange={(e) => update({ patientId: e.target.value })}>
          <option value="">Select patient…</option>
          {patients.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <select value={form.dentist} onChange={(e) => update({ dentist: e.target.value })}>
          {DENTISTS.map((d) => <option key={d}>{d}</option>)}
        </select>
        <input type="date" value={form.date} onChange={(e) => update({ date: e.target.value })} />
        <input type="time" value={form.time} onChange={(e) => update({ time: e.target.value })} />
        <input className="col-span-2" placeholder="Reason for visit" value={form.reason} onChange={(e) => update({ reason: e.target.value })} />
        <button type="submit" className="col-span-2 rounded-md bg-primary px-4 py-2 text-white">Book appointment</button>
      </form>
      <ul className="divide-y rounded-lg border">
        {appointments.map((a) => (
          <li key={a.id} className="flex items-center justify-between p-3">
            <span>{a.date} {a.time} · {patients.find((p) => p.id === a.patientId)?.name ?? "Unknown"} · {a.dentist}</span>
            {a.status !== "cancelled" && <button onClick={() => cancelAppointment(a.id)}>Cancel</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
