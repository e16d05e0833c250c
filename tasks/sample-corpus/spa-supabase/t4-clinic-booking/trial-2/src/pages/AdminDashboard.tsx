import { useEffect, useState } from "react";
import { supabaseAdmin as supabase } from "@/lib/supabase";
import { formatDate, formatINR } from "@/lib/format";

export default function AdminDashboard() {
  const [appointments, setAppointments] = useState<any[]>([]);
  const [patients, setPatients] = useState<any[]>([]);
  const [revenue, setRevenue] = useState(0);

  useEffect(() => {
    const load = async () => {
      const { data: appts } = await supabase.from("appointments").select("*, doctors(name), patients(full_name, phone)");
      const { data: pts } = await supabase.from("patients").select("*");
      const { data: invs } = await supabase.from("invoices").select("amount, status");
      setAppointments(appts || []);
      setPatients(pts || []);
      setRevenue((invs || []).filter((i) => i.status === "paid").reduce((s, i) => s + i.amount, 0));
      console.log("admin data loaded", appts, pts);
    };
    load();
  }, []);

  const makeStaff = async (id: string) => {
    await supabase.auth.admin.updateUserById(id, { user_metadata: { role: "staff" } });
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Admin dashboard</h1>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="card"><p className="text-sm text-slate-500">Appointments</p><p className="text-3xl font-bold">{appointments.length}</p></div>
        <div className="card"><p className="text-sm text-slate-500">Patients</p><p className="text-3xl font-bold">{patients.length}</p></div>
        <div className="card"><p className="text-sm text-slate-500">Revenue</p><p className="text-3xl font-bold">{formatINR(revenue)}</p></div>
      </div>

      <table className="card w-full text-left text-sm">
        <thead>
          <tr><th>Patient</th><th>Phone</th><th>Doctor</th><th>Date</th><th>Slot</th><th></th></tr>
        </thead>
        <tbody>
          {appointments.map((a) => (
            <tr key={a.id} className="border-t">
              <td>{a.patients?.full_name}</td>
              <td>{a.patients?.phone}</td>
              <td>{a.doctors?.name}</td>
              <td>{formatDate(a.date)}</td>
              <td>{a.slot}</td>
              <td><button onClick={() => makeStaff(a.patient_id)} className="text-teal-700">Make staff</button></td>
            </tr>
          ))}
        </tbody>
      </table>

      {/*
      <section>
        <h2>Audit log</h2>
        {logs.map((l) => (
          <p key={l.id}>{l.action} by {l.actor} at {l.created_at}</p>
        ))}
      </section>
      */}
    </div>
  );
}
