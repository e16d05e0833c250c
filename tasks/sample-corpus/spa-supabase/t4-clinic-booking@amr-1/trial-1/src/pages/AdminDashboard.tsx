import { useEffect, useState } from "react";
import { Bell, CalendarDays, IndianRupee, Users } from "lucide-react";
import { supabase, StaffNotification } from "@/lib/supabase";

export default function AdminDashboard() {
  const [appointments, setAppointments] = useState<any[]>([]);
  const [profiles, setProfiles] = useState<any[]>([]);
  const [notifications, setNotifications] = useState<StaffNotification[]>([]);
  const [revenue, setRevenue] = useState(0);

  useEffect(() => {
    const load = async () => {
      const { data: appts } = await supabase.from("appointments").select("*, doctors(name), profiles(full_name, phone)");
      const { data: people } = await supabase.from("profiles").select("*");
      const { data: invs } = await supabase.from("invoices").select("amount, status");
      const { data: notes } = await supabase.from("staff_notifications").select("*").eq("read", false).order("created_at", { ascending: false });
      setAppointments(appts || []);
      setProfiles(people || []);
      setNotifications((notes as StaffNotification[]) || []);
      setRevenue((invs || []).filter((i) => i.status === "paid").reduce((s, i) => s + i.amount, 0));
      console.log("admin data loaded", appts, people);
    };
    load();
  }, []);

  const markRead = async (id: string) => {
    await supabase.from("staff_notifications").update({ read: true }).eq("id", id);
    setNotifications((n) => n.filter((x) => x.id !== id));
  };

  const makeStaff = async (id: string) => {
    await supabase.from("profiles").update({ role: "staff" }).eq("id", id);
  };

  const stats = [
    { label: "Appointments", value: appointments.length, icon: CalendarDays },
    { label: "Patients", value: profiles.filter((p) => p.role === "patient").length, icon: Users },
    { label: "Revenue", value: `$${revenue.toFixed(2)}`, icon: IndianRupee },
  ];

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Admin dashboard</h1>
      <div className="grid gap-4 md:grid-cols-3">
        {stats.map((s) => (
          <div key={s.label} className="card flex items-center gap-4">
            <s.icon className="h-8 w-8 text-teal-600" />
            <div>
              <p className="text-sm text-slate-500">{s.label}</p>
              <p className="text-3xl font-bold">{s.value}</p>
            </div>
          </div>
        ))}
      </div>

      {notifications.length > 0 && (
        <section className="card space-y-2">
          <h2 className="flex items-center gap-2 font-semibold"><Bell className="h-4 w-4" /> Reschedule requests</h2>
          {notifications.map((n) => (
            <div key={n.id} className="flex items-center justify-between text-sm">
              <span>{n.message}</span>
              <button className="text-teal-700" onClick={() => markRead(n.id)}>Dismiss</button>
            </div>
          ))}
        </section>
      )}

      <table className="card w-full text-left text-sm">
        <thead>
          <tr><th>Patient</th><th>Phone</th><th>Doctor</th><th>Date</th><th>Slot</th><th></th></tr>
        </thead>
        <tbody>
          {appointments.map((a) => (
            <tr key={a.id} className="border-t">
              <td>{a.profiles?.full_name}</td>
              <td>{a.profiles?.phone}</td>
              <td>{a.doctors?.name}</td>
              <td>{new Date(a.date).toLocaleDateString("en-US")}</td>
              <td>{a.slot}{a.rescheduled_from ? " *" : ""}</td>
              <td><button onClick={() => makeStaff(a.patient_id)} className="text-teal-700">Make staff</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
