import { useQuery } from "@tanstack/react-query";
import { supabase } from "@/integrations/supabase/client";
import { formatSlot } from "@/lib/utils";

const Appointments = () => {
  const { data: appointments, isLoading } = useQuery({
    queryKey: ["appointments"],
    queryFn: async () => {
      const { data, error } = await supabase
        .from("appointments")
        .select("id, starts_at, status, doctors(full_name, specialty)")
        .order("starts_at", { ascending: true });
      if (error) throw error;
      return data;
    },
  });

  if (isLoading) return <p className="p-8 text-slate-500">Loading…</p>;

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">My appointments</h1>
      {appointments?.length === 0 && <p className="mt-4 text-slate-500">No appointments yet.</p>}
      <ul className="mt-6 space-y-3">
        {appointments?.map((a) => (
          <li key={a.id} className="rounded-lg border bg-white p-4">
            <p className="font-medium text-slate-900">{a.doctors?.full_name}</p>
            <p className="text-sm text-slate-500">{formatSlot(a.starts_at)}</p>
            <span className="mt-2 inline-block rounded bg-blue-50 px-2 py-0.5 text-xs text-blue-700">{a.status}</span>
          </li>
        ))}
      </ul>
    </div>
  );
};

export default Appointments;
