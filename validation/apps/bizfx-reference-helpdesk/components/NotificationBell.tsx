"use client";

import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { createBrowserClient } from "@supabase/ssr";

type Notification = { id: string; title: string; link: string | null; read_at: string | null; created_at: string };

const supabase = createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);

export default function NotificationBell() {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  // ok: G6.D1
  const { data = [], isLoading, isError, refetch } = useQuery({
    queryKey: ["notifications"],
    queryFn: async (): Promise<Notification[]> => {
      const res = await fetch("/api/notifications");
      if (!res.ok) throw new Error("Failed to load notifications");
      return res.json();
    },
  });

  useEffect(() => {
    const channel = supabase
      .channel("notifications")
      .on("postgres_changes", { event: "INSERT", schema: "public", table: "notifications" }, () => qc.invalidateQueries({ queryKey: ["notifications"] }))
      .subscribe();
    return () => {
      supabase.removeChannel(channel);
    };
  }, [qc]);

  const unread = data.filter((n) => !n.read_at).length;

  return (
    <div className="relative">
      {/* ok: G6.D3 */}
      <button onClick={() => setOpen(!open)} aria-label={`Notifications (${unread} unread)`} aria-expanded={open} className="rounded p-2">
        <Bell className="h-5 w-5" />
      </button>
      {open && (
        <div className="absolute right-0 w-72 rounded border bg-white p-2 shadow">
          {isLoading && <p className="p-2 text-sm">Loading notifications…</p>}
          {isError && (
            <p role="alert" className="p-2 text-sm">
              Could not load notifications. <button onClick={() => refetch()} className="underline">Retry</button>
            </p>
          )}
          {!isLoading && !isError && data.length === 0 && <p className="p-2 text-sm">No notifications yet.</p>}
          <ul>
            {data.map((n) => (
              <li key={n.id}>
                <a href={n.link ?? "#"} className="block rounded p-2 text-sm hover:bg-neutral-100">
                  {n.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
