import { useCallback, useEffect, useState, type FormEvent } from "react";
import { adminApi, describeError, supabase } from "../lib/supabase";

type Agent = { id: string; display_name: string; active: boolean };
type Usage = { agent_id: string; drafts: number; tokens: number };
type Settings = { tone: string; monthly_token_budget: number };

export default function Admin({ selfId }: { selfId: string }) {
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [usage, setUsage] = useState<Usage[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState("");
  const [invite, setInvite] = useState({ email: "", displayName: "", role: "agent" as "agent" | "admin" });

  const load = useCallback(async () => {
    const [a, u, s] = await Promise.all([
      supabase.from("agents").select("id, display_name, active").order("display_name").returns<Agent[]>(),
      supabase.from("ai_usage_this_month").select("agent_id, drafts, tokens").returns<Usage[]>(),
      supabase.from("ai_settings").select("tone, monthly_token_budget").eq("id", 1).single<Settings>(),
    ]);
    if (a.error || u.error || s.error) {
      setNotice("Settings could not be loaded. Please reload the page.");
      return;
    }
    setAgents(a.data ?? []);
    setUsage(u.data ?? []);
    setSettings(s.data);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function saveSettings(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    const { error } = await supabase
      .from("ai_settings")
      .update({ tone: settings.tone, monthly_token_budget: settings.monthly_token_budget, updated_by: selfId, updated_at: new Date().toISOString() })
      .eq("id", 1);
    setNotice(error ? "Settings were not saved." : "Settings saved.");
  }

  async function sendInvite(event: FormEvent) {
    event.preventDefault();
    try {
      await adminApi("/api/admin/agents", { method: "POST", body: JSON.stringify(invite) });
      setInvite({ email: "", displayName: "", role: "agent" });
      setNotice("Invitation sent.");
      await load();
    } catch (err) {
      setNotice(describeError(err));
    }
  }

  async function update(id: string, change: { role?: "agent" | "admin"; active?: boolean }) {
    try {
      await adminApi(`/api/admin/agents/${id}`, { method: "PATCH", body: JSON.stringify(change) });
      setNotice("Updated.");
      await load();
    } catch (err) {
      setNotice(describeError(err));
    }
  }

  const tokensOf = (id: string) => usage.find((u) => u.agent_id === id)?.tokens ?? 0;
  const totalTokens = usage.reduce((sum, u) => sum + Number(u.tokens), 0);

  return (
    <>
      {notice && <p role="status" className="card">{notice}</p>}

      <section className="card" aria-labelledby="ai-title">
        <h1 id="ai-title">AI assistant</h1>
        {!settings ? (
          <p role="status">Loading settings…</p>
        ) : (
          <form onSubmit={saveSettings}>
            <label htmlFor="tone">Tone</label>
            <input id="tone" maxLength={200} value={settings.tone} onChange={(e) => setSettings({ ...settings, tone: e.target.value })} />
            <label htmlFor="budget">Monthly token budget</label>
            <input
              id="budget"
              type="number"
              min={0}
              step={100000}
              value={settings.monthly_token_budget}
              onChange={(e) => setSettings({ ...settings, monthly_token_budget: Number(e.target.value) })}
            />
            <p>Used this month: {totalTokens.toLocaleString("en-GB")} tokens.</p>
            <button type="submit">Save settings</button>
          </form>
        )}
      </section>

      <section className="card" aria-labelledby="team-title">
        <h2 id="team-title">Team</h2>
        {!agents && <p role="status">Loading team…</p>}
        {agents && agents.length === 0 && <p>No agents yet. Invite your first one below.</p>}
        {agents && agents.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">AI tokens this month</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.id}>
                  <td>{a.display_name}{a.id === selfId ? " (you)" : ""}</td>
                  <td>{tokensOf(a.id).toLocaleString("en-GB")}</td>
                  <td>
                    {a.id !== selfId && (
                      <>
                        <button type="button" onClick={() => update(a.id, { role: "admin" })}>Make {a.display_name} admin</button>
                        <button type="button" onClick={() => update(a.id, { role: "agent" })}>Make {a.display_name} agent</button>
                        <button type="button" onClick={() => update(a.id, { active: !a.active })}>
                          {a.active ? `Deactivate ${a.display_name}` : `Reactivate ${a.display_name}`}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <form onSubmit={sendInvite} aria-labelledby="invite-title">
          <h3 id="invite-title">Invite someone</h3>
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" type="email" required value={invite.email} onChange={(e) => setInvite({ ...invite, email: e.target.value })} />
          <label htmlFor="invite-name">Display name</label>
          <input id="invite-name" required value={invite.displayName} onChange={(e) => setInvite({ ...invite, displayName: e.target.value })} />
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={invite.role} onChange={(e) => setInvite({ ...invite, role: e.target.value as "agent" | "admin" })}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
          <button type="submit">Send invitation</button>
        </form>
      </section>
    </>
  );
}
