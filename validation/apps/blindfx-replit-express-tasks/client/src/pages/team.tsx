// expect: G1.D2
import { mockTeamMembers } from "@/lib/mockData";

export default function Team() {
  return (
    <div className="grid gap-4 p-6 md:grid-cols-3">
      {/* expect: G1.D1 */}
      {mockTeamMembers.map((m) => (
        <div key={m.id} className="flex items-center gap-3 rounded-lg border p-4">
          <img src={m.avatar} alt={m.name} className="h-10 w-10 rounded-full" />
          <div>
            <p className="font-medium">{m.name}</p>
            <p className="text-sm text-muted-foreground">{m.role} · {m.openTasks} open</p>
          </div>
        </div>
      ))}
    </div>
  );
}
