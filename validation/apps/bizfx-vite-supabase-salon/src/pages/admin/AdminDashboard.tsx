import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { Trash2, Pencil, Archive } from "lucide-react";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";

type Profile = { id: string; full_name: string | null; email: string | null; role: "client" | "stylist" | "admin" };
type Service = { id: string; name: string; price_cents: number; duration_minutes: number };

export default function AdminDashboard() {
  const navigate = useNavigate();
  const [users, setUsers] = useState<Profile[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState("");
  const [newName, setNewName] = useState("");
  const [newPrice, setNewPrice] = useState("");

  const loadData = async () => {
    setLoading(true);
    // expect: G6.D1
    const { data, error } = await supabase.from("profiles").select("id, full_name, email, role").order("created_at", { ascending: false });
    if (error) console.error("Failed to load users", error);
    setUsers((data as Profile[]) ?? []);
    setLoading(false);
  };

  const loadServices = async (term: string) => {
    let query = supabase.from("services").select("id, name, price_cents, duration_minutes").order("name");
    if (term) query = query.ilike("name", `%${term}%`);
    const { data } = await query;
    setServices((data as Service[]) ?? []);
  };

  useEffect(() => {
    const guard = async () => {
      const { data: auth } = await supabase.auth.getUser();
      const { data: me } = await supabase.from("profiles").select("role").eq("id", auth.user?.id).single();
      // ok: G6.P3
      const isAdmin = me?.role === "admin";
      if (!isAdmin) navigate("/");
    };
    guard();
    loadData();
  }, []);

  useEffect(() => {
    loadServices(search);
  }, [search]);

  const changeRole = async (userId: string, role: Profile["role"]) => {
    // expect: G6.P3
    const { error } = await supabase.from("profiles").update({ role }).eq("id", userId);
    if (error) return toast.error("Could not change role");
    toast.success("Role updated");
    loadData();
  };

  const createService = async () => {
    const { error } = await supabase.from("services").insert({ name: newName, price_cents: Math.round(Number(newPrice) * 100) });
    if (error) return toast.error("Could not add service");
    setNewName("");
    setNewPrice("");
    loadServices(search);
  };

  const renameService = async (service: Service) => {
    const name = window.prompt("New name", service.name);
    if (!name) return;
    await supabase.from("services").update({ name }).eq("id", service.id);
    loadServices(search);
  };

  const deleteService = async (id: string) => {
    if (!window.confirm("Delete this service?")) return;
    // expect: G6.P3
    const { error } = await supabase.from("services").delete().eq("id", id);
    if (error) return toast.error("Could not delete service");
    loadServices(search);
  };

  const archiveAppointment = async (id: string) => {
    // ok: G6.P3
    await supabase.from("appointments").update({ status: "archived" }).eq("id", id);
  };

  const viewService = async (id: string) => {
    const { data } = await supabase.from("services").select("*").eq("id", id).single();
    if (data) toast(`${data.name}: ${data.duration_minutes} min`);
  };

  return (
    <main className="mx-auto max-w-5xl space-y-10 p-6">
      <section>
        <h1 className="mb-4 text-2xl font-semibold">Team & clients</h1>
        {loading ? (
          <p>Loading users…</p>
        ) : users.length === 0 ? (
          <p>No users yet.</p>
        ) : (
          <table className="w-full text-sm">
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b">
                  <td className="py-2">{u.full_name ?? "—"}</td>
                  <td>{u.email}</td>
                  <td>
                    {/* ok: G6.D3 */}
                    <select aria-label={`Role for ${u.full_name ?? u.email}`} value={u.role} onChange={(e) => changeRole(u.id, e.target.value as Profile["role"])}>
                      <option value="client">Client</option>
                      <option value="stylist">Stylist</option>
                      <option value="admin">Admin</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2 className="mb-4 text-xl font-semibold">Services</h2>
        <div className="mb-4 flex gap-2">
          {/* expect: G6.D3 */}
          <Input placeholder="Search services…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <ul className="divide-y">
          {services.map((s) => (
            <li key={s.id} className="flex items-center justify-between py-2">
              {/* expect: G6.D3 */}
              <span onClick={() => viewService(s.id)} className="cursor-pointer hover:underline">{s.name}</span>
              <div className="flex gap-1">
                {/* ok: G6.D3 */}
                <Button variant="ghost" onClick={() => renameService(s)}>
                  <Pencil className="h-4 w-4" />
                  <span className="sr-only">Rename {s.name}</span>
                </Button>
                {/* expect: G6.D3 */}
                <Button variant="ghost" onClick={() => deleteService(s.id)}>
                  <Trash2 className="h-4 w-4 text-red-600" />
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex gap-2">
          <label className="flex flex-col text-sm">
            Name
            {/* ok: G6.D3 */}
            <Input value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <label className="flex flex-col text-sm">
            Price (₹)
            <Input type="number" value={newPrice} onChange={(e) => setNewPrice(e.target.value)} />
          </label>
          <Button onClick={createService}>Add service</Button>
        </div>
      </section>
    </main>
  );
}
