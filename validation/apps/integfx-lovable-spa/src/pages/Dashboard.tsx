import { useEffect, useState } from "react";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";

type Appointment = { id: string; pet_name: string; owner_email: string; starts_at: string; paid: boolean };

export default function Dashboard() {
  const [appointments, setAppointments] = useState<Appointment[]>([]);
  const [now, setNow] = useState(new Date());

  useEffect(() => {
    supabase.from("appointments").select("*").then(({ data }) => setAppointments(data ?? []));
  }, []);

  // Appointment reminders: check every minute for visits in the next 24 hours
  useEffect(() => {
    // expect: G3.P2
    const timer = setInterval(() => {
      appointments
        .filter((a) => new Date(a.starts_at).getTime() - Date.now() < 24 * 60 * 60 * 1000)
        .forEach((a) => toast(`Reminder: ${a.pet_name} has a vet visit tomorrow`));
    }, 60000);
    return () => clearInterval(timer);
  }, [appointments]);

  // Header clock
  useEffect(() => {
    // ok: G3.P2
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);

  const sendConfirmation = async (a: Appointment) => {
    await supabase.from("appointments").update({ confirmed: true }).eq("id", a.id);
    // expect: G3.P1
    toast.success(`Confirmation email sent to ${a.owner_email}`);
  };

  return (
    <div>
      <span>{now.toLocaleTimeString()}</span>
      <h1>Upcoming appointments</h1>
      {appointments.map((a) => (
        <div key={a.id}>
          {a.pet_name} — {a.paid ? "Paid" : "Unpaid"}
          <button onClick={() => sendConfirmation(a)}>Email owner</button>
        </div>
      ))}
    </div>
  );
}
