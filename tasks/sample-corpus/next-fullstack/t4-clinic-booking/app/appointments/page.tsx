"use client";

import { useEffect, useState } from "react";
import { useSession } from "next-auth/react";

export default function AppointmentsPage() {
  const { data: session } = useSession();
  const [appointments, setAppointments] = useState<any[]>([]);
  const [loading, setLoading] = useState(true);

  const userId = (session?.user as any)?.id;

  useEffect(() => {
    if (!userId) return;
    fetch(`http://localhost:3000/api/appointments?patientId=${userId}`)
      .then((r) => r.json())
      .then((data) => {
        setAppointments(data);
        setLoading(false);
      });
  }, [userId]);

  async function cancel(id: string) {
    await fetch(`http://localhost:3000/api/appointments?id=${id}`, { method: "DELETE" });
    setAppointments((prev) => prev.map((a) => (a.id === id ? { ...a, status: "CANCELLED" } : a)));
  }

  if (loading) return <p>Loading…</p>;
  if (appointments.length === 0) return <p className="text-gray-500">No appointments yet.</p>;

  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">My appointments</h1>
      {appointments.map((a) => (
        <div key={a.id} className="flex items-center justify-between rounded-xl bg-white p-4 shadow-sm">
          <div>
            <p className="font-medium">{a.doctor.name}</p>
            <p className="text-sm text-gray-500">{new Date(a.startsAt).toLocaleString()}</p>
            <p className="text-xs uppercase text-gray-400">{a.status}</p>
          </div>
          <div className="flex gap-3">
            {a.status === "BOOKED" && (
              <button onClick={() => cancel(a.id)} className="text-sm text-red-600">Cancel</button>
            )}
            {a.status === "COMPLETED" && !a.invoice && (
              <PayButton appointmentId={a.id} patientId={a.patientId} amount={a.doctor.fee} />
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

type Props = { appointmentId: string; patientId: string; amount: number };

function PayButton({ appointmentId, patientId, amount }: Props) {
  const [loading, setLoading] = useState(false);

  async function pay() {
    setLoading(true);
    const res = await fetch("http://localhost:3000/api/invoices", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ appointmentId, patientId, amount }),
    });
    const { url } = await res.json();
    window.location.href = url;
  }

  return (
    <button onClick={pay} disabled={loading} className="rounded bg-green-600 px-3 py-1 text-sm text-white">
      {loading ? "Redirecting…" : `Pay ₹${amount}`}
    </button>
  );
}
