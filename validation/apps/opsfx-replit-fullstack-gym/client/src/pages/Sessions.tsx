import { useMutation, useQuery } from "@tanstack/react-query";
import { apiRequest, queryClient } from "../lib/queryClient";
import type { ClassSession, Member } from "@shared/schema";

export default function Sessions() {
  const { data: sessions = [] } = useQuery<ClassSession[]>({ queryKey: ["/api/sessions"] });
  const { data: members = [] } = useQuery<Member[]>({ queryKey: ["/api/members"] });
  const checkIn = useMutation({
    mutationFn: ({ sessionId, memberId }: { sessionId: number; memberId: number }) =>
      apiRequest("POST", `/api/sessions/${sessionId}/check-ins`, { memberId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["/api/sessions"] }),
  });

  return (
    <main className="p-6">
      <h1 className="text-2xl font-bold">Today&apos;s classes</h1>
      {sessions.map((s) => (
        <section key={s.id} className="mt-4 rounded border p-4">
          <h2>{s.title} with {s.coach}</h2>
          <select onChange={(e) => checkIn.mutate({ sessionId: s.id, memberId: Number(e.target.value) })} defaultValue="">
            <option value="" disabled>Check in a member…</option>
            {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </section>
      ))}
    </main>
  );
}
