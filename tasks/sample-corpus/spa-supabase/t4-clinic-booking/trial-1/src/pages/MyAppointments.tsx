import { useQuery } from "@tanstack/react-query";
import { supabase, Appointment } from "@/lib/supabase";
import { toast } from "sonner";

export default function MyAppointments() {
  const user = JSON.parse(localStorage.getItem("user") || "{}");

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

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">My appointments</h1>
      {mine.map((a) => (
        <div key={a.id} className="card flex items-center justify-between">
          <div>
            <p className="font-medium">{a.doctors?.name}</p>
            <p className="text-sm text-slate-500">
              {new Date(a.date).toLocaleDateString("en-US")} · {a.slot}
            </p>
          </div>
          <button className="text-sm text-red-600" onClick={() => cancel(a.id)}>
            Cancel
          </button>
        </div>
      ))}
    </div>
  );
}
