import { prisma } from "@/lib/db";
import DeleteRoomButton from "./DeleteRoomButton";

export default async function AdminPage({ searchParams }: { searchParams: { page?: string } }) {
  const page = Math.max(1, Number(searchParams.page ?? 1));
  // expect: G6.D1
  const members = await prisma.user.findMany({ orderBy: { createdAt: "desc" }, take: 50, skip: (page - 1) * 50, select: { id: true, name: true, email: true, role: true } });
  const rooms = await prisma.room.findMany({ orderBy: { name: "asc" }, take: 100 });
  const recent = await prisma.auditLog.findMany({ orderBy: { createdAt: "desc" }, take: 20 });

  return (
    <main className="mx-auto max-w-5xl space-y-10 p-6">
      <section>
        <h1 className="mb-4 text-2xl font-semibold">Members</h1>
        <table className="w-full text-sm">
          <tbody>
            {members.map((m) => (
              <tr key={m.id} className="border-b">
                <td className="py-2">{m.name}</td>
                <td>{m.email}</td>
                <td>{m.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-4 text-xl font-semibold">Rooms</h2>
        <ul className="divide-y">
          {rooms.map((r) => (
            <li key={r.id} className="flex justify-between py-2">
              {r.name}
              <DeleteRoomButton id={r.id} name={r.name} />
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="mb-4 text-xl font-semibold">Recent activity</h2>
        <ol className="space-y-1 text-sm">
          {recent.map((e) => (
            <li key={e.id}>{e.createdAt.toISOString()} — {e.action} {e.entity} {e.entityId}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
