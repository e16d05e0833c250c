import { useQuery } from "@tanstack/react-query";
import type { Task } from "@shared/schema";
import { NotificationBell } from "@/components/notification-bell";

export default function Dashboard() {
  // ok: G1.D1
  const { data: tasks = [], isLoading } = useQuery<Task[]>({ queryKey: ["/api/tasks"] });
  if (isLoading) return <p>Loading…</p>;
  return (
    <div className="p-6">
      <header className="flex justify-between"><h1 className="text-2xl font-bold">My tasks</h1><NotificationBell /></header>
      <ul>{tasks.map((t) => <li key={t.id}>{t.title}</li>)}</ul>
    </div>
  );
}
