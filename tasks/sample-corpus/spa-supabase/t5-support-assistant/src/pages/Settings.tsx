import { useEffect, useState } from "react";
import { toast } from "sonner";
import { supabase } from "@/lib/supabase";

export default function Settings() {
  const [agents, setAgents] = useState<any[]>([]);
  const [tone, setTone] = useState("friendly");
  const [budget, setBudget] = useState(50);

  useEffect(() => {
    supabase.from("agents").select("*").then(({ data }) => setAgents(data || []));
    const s = JSON.parse(localStorage.getItem("aiSettings") || "{}");
    if (s.tone) setTone(s.tone);
    if (s.budget) setBudget(s.budget);
  }, []);

  const save = () => {
    localStorage.setItem("aiSettings", JSON.stringify({ tone, budget }));
    toast.success("Settings saved");
  };

  const changeRole = async (id: string, role: string) => {
    await supabase.from("agents").update({ role }).eq("id", id);
    setAgents(agents.map((a) => (a.id === id ? { ...a, role } : a)));
  };

  return (
    <div className="space-y-6">
      <section className="panel p-4">
        <h2 className="mb-3 font-semibold">AI assistant</h2>
        <label className="block text-sm">Tone</label>
        <select className="mb-3 rounded border px-2 py-1" value={tone} onChange={(e) => setTone(e.target.value)}>
          <option>friendly</option>
          <option>formal</option>
          <option>concise</option>
        </select>
        <label className="block text-sm">Monthly budget (USD)</label>
        <input type="number" className="mb-3 rounded border px-2 py-1" value={budget} onChange={(e) => setBudget(+e.target.value)} />
        <button className="btn" onClick={save}>Save</button>
      </section>

      <section className="panel p-4">
        <h2 className="mb-3 font-semibold">Team</h2>
        {agents.map((a) => (
          <div key={a.id} className="flex items-center justify-between border-b py-2 text-sm">
            <span>{a.name} · {a.email}</span>
            <select value={a.role} onChange={(e) => changeRole(a.id, e.target.value)} className="rounded border px-2 py-1">
              <option value="agent">Agent</option>
              <option value="admin">Admin</option>
            </select>
          </div>
        ))}
        {/* TODO: usage per agent */}
      </section>
    </div>
  );
}
