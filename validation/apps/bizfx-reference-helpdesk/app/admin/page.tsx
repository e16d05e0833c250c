import Link from "next/link";
import { requireAdmin } from "@/lib/supabase/server";
import RoleSelect from "./RoleSelect";

const PAGE_SIZE = 50;

export default async function AdminPage({ searchParams }: { searchParams: { page?: string } }) {
  const page = Math.max(0, Number(searchParams.page ?? 0));
  const { supabase } = await requireAdmin();
  const { data: users, error } = await supabase.from("profiles").select("id, email, full_name, role").order("created_at", { ascending: false }).range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  if (error) throw new Error(error.message);
  const { data: events } = await supabase.from("audit_log").select("id, actor_id, action, entity, entity_id, created_at").order("created_at", { ascending: false }).limit(50);

  return (
    <main className="mx-auto max-w-5xl space-y-10 p-6">
      <section>
        <h1 className="mb-4 text-2xl font-semibold">Users</h1>
        {users.length === 0 ? (
          <p>No users yet.</p>
        ) : (
          <table className="w-full text-sm">
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b">
                  <td className="py-2">{u.full_name ?? u.email}</td>
                  <td>
                    <RoleSelect userId={u.id} role={u.role} label={`Role for ${u.full_name ?? u.email}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Link href={`/admin?page=${page + 1}`} className="mt-3 inline-block text-sm underline">Next page</Link>
      </section>
      <section>
        <h2 className="mb-4 text-xl font-semibold">Audit log</h2>
        {(events ?? []).length === 0 ? (
          <p>No audited actions yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {(events ?? []).map((e) => (
              <li key={e.id}>{new Date(e.created_at).toLocaleString()} — {e.action} on {e.entity} {e.entity_id} by {e.actor_id}</li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
