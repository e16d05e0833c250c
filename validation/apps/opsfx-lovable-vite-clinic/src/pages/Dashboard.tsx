import { format } from "date-fns";
import { useAppointments } from "@/hooks/useAppointments";
import { usePatients } from "@/hooks/usePatients";

export default function Dashboard() {
  const { appointments } = useAppointments();
  const { patients } = usePatients();
  const today = format(new Date(), "yyyy-MM-dd");
  const todays = appointments.filter((a) => a.date === today && a.status !== "cancelled");

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Good morning 👋</h1>
      <div className="grid grid-cols-3 gap-4">
        <div className="rounded-lg border p-4"><p className="text-sm">Today</p><p className="text-3xl">{todays.length}</p></div>
        <div className="rounded-lg border p-4"><p className="text-sm">Patients</p><p className="text-3xl">{patients.length}</p></div>
        <div className="rounded-lg border p-4"><p className="text-sm">Upcoming</p><p className="text-3xl">{appointments.filter((a) => a.date > today).length}</p></div>
      </div>
    </section>
  );
}
