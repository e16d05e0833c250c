import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarX } from "lucide-react";
import { supabase } from "@/integrations/supabase/client";

type Appointment = { id: string; starts_at: string; status: string; services: { name: string }; stylists: { name: string } | null };

export default function MyAppointments() {
  const qc = useQueryClient();
  // expect: G6.D1
  const { data = [] } = useQuery({
    queryKey: ["my-appointments"],
    queryFn: async () => {
      const { data } = await supabase.from("appointments").select("*, services(name), stylists(name)").order("starts_at", { ascending: false });
      return (data ?? []) as Appointment[];
    },
  });

  const cancelAppointment = async (id: string) => {
    await supabase.from("appointments").update({ status: "cancelled" }).eq("id", id);
    qc.invalidateQueries({ queryKey: ["my-appointments"] });
  };

  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="mb-4 text-2xl font-semibold">My appointments</h1>
      <ul className="space-y-3">
        {data.map((a) => (
          <li key={a.id} className="flex items-center justify-between rounded-lg border p-4">
            <div>
              <p className="font-medium">{a.services.name}{a.stylists ? ` with ${a.stylists.name}` : ""}</p>
              <p className="text-sm text-muted-foreground">{new Date(a.starts_at).toLocaleString("en-IN")} · {a.status}</p>
            </div>
            {a.status === "booked" && (
              {/* ok: G6.D3 */}
              <button onClick={() => cancelAppointment(a.id)} title="Cancel appointment" className="rounded p-2 hover:bg-red-50">
                <CalendarX className="h-4 w-4 text-red-600" />
              </button>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
