import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { supabase, Appointment } from "@/lib/supabase";
import { toast } from "sonner";

const SLOTS = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "16:00", "16:15", "16:30", "16:45"];

export default function MyAppointments() {
  const user = JSON.parse(localStorage.getItem("user") || "{}");
  const [editing, setEditing] = useState<Appointment | null>(null);
  const [newDate, setNewDate] = useState("");
  const [newSlot, setNewSlot] = useState("");

  const { data: appointments = [], refetch } = useQuery({
    queryKey: ["appointments"],
    queryFn: async () => {
      const { data } = await supabase.from("appointments").select("*, doctors(*)").order("date");
      return (data as Appointment[]) || [];
    },
  });

  // FIXME: filter on the server
  const mine = appointments.filter((a) => a.patient_id === user.id);
  console.log("all appointments", appointments.length, "mine", mine.length);

  const cancel = async (id: string) => {
    await supabase.from("appointments").delete().eq("id", id);
    toast.success("Appointment cancelled");
    refetch();
  };

  const reschedule = async () => {
    if (!editing) return;
    await supabase
      .from("appointments")
      .update({
        date: newDate,
        slot: newSlot,
        rescheduled_from: editing.date,
        previous_slot: editing.slot,
        reschedule_count: (editing.reschedule_count || 0) + 1,
      })
      .eq("id", editing.id);
    await supabase.from("staff_notifications").insert({
      appointment_id: editing.id,
      message: `${user.email} moved their appointment from ${editing.date} ${editing.slot} to ${newDate} ${newSlot}`,
    });
    toast.success("Appointment rescheduled! The clinic has been notified.");
    setEditing(null);
    refetch();
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">My appointments</h1>
      {mine.map((a) => (
        <div key={a.id} className="card flex items-center justify-between">
          <div>
            <p className="font-medium">{a.doctors?.name}</p>
            <p className="text-sm text-slate-500">
              {new Date(a.date).toLocaleDateString("en-US")} · {a.slot}
              {a.rescheduled_from && <span className="ml-2 text-amber-600">(rescheduled)</span>}
            </p>
          </div>
          <div className="flex gap-3">
            <button className="text-sm text-teal-700" onClick={() => setEditing(a)}>
              Reschedule
            </button>
            <button className="text-sm text-red-600" onClick={() => cancel(a.id)}>
              Cancel
            </button>
          </div>
        </div>
      ))}

      {editing && (
        <div className="card space-y-3">
          <h2 className="font-semibold">Reschedule with {editing.doctors?.name}</h2>
          <input type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} className="rounded-lg border px-3 py-2" />
          <div className="grid grid-cols-4 gap-2">
            {SLOTS.map((s) => (
              <button key={s} onClick={() => setNewSlot(s)} className={`rounded border px-2 py-1 text-sm ${newSlot === s ? "bg-teal-600 text-white" : ""}`}>
                {s}
              </button>
            ))}
          </div>
          <button className="btn-primary" disabled={!newDate || !newSlot} onClick={reschedule}>
            Confirm new time
          </button>
        </div>
      )}
    </div>
  );
}
