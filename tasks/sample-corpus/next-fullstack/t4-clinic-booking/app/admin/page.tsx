"use client";

import { useEffect, useState } from "react";
import { useSession } from "next-auth/react";

export default function AdminPage() {
  const { data: session } = useSession();
  const [appointments, setAppointments] = useState<any[]>([]);
  const [doctor, setDoctor] = useState({ name: "", specialty: "", fee: 500 });

  useEffect(() => {
    fetch("http://localhost:3000/api/appointments")
      .then((r) => r.json())
      .then(setAppointments);
  }, []);

  if ((session?.user as any)?.role !== "ADMIN") {
    return <p>You do not have access to this page.</p>;
  }

  async function addDoctor(e: React.FormEvent) {
    e.preventDefault();
    await fetch("http://localhost:3000/api/doctors", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(doctor),
    });
    setDoctor({ name: "", specialty: "", fee: 500 });
  }

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <form onSubmit={addDoctor} className="flex gap-2">
        <input placeholder="Name" className="rounded border px-2 py-1" value={doctor.name} onChange={(e) => setDoctor({ ...doctor, name: e.target.value })} />
        <input placeholder="Specialty" className="rounded border px-2 py-1" value={doctor.specialty} onChange={(e) => setDoctor({ ...doctor, specialty: e.target.value })} />
        <input type="number" className="w-24 rounded border px-2 py-1" value={doctor.fee} onChange={(e) => setDoctor({ ...doctor, fee: Number(e.target.value) })} />
        <button className="rounded bg-blue-600 px-3 py-1 text-white">Add doctor</button>
      </form>
      <table className="w-full rounded-xl bg-white text-left text-sm shadow-sm">
        <thead>
          <tr className="border-b"><th className="p-2">Patient</th><th>Doctor</th><th>When</th><th>Status</th></tr>
        </thead>
        <tbody>
          {appointments.map((a) => (
            <tr key={a.id} className="border-b">
              <td className="p-2">{a.patientId}</td>
              <td>{a.doctor?.name}</td>
              <td>{new Date(a.startsAt).toLocaleDateString()}</td>
              <td>{a.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
