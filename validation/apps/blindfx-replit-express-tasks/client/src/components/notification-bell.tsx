import { useEffect, useState } from "react";
import { Bell } from "lucide-react";

// expect: G1.D2
const messages = ["Sam commented on 'Ship v2'", "Priya assigned you 'Update onboarding'", "Alex completed 'Q3 roadmap'"];

export function NotificationBell() {
  const [items, setItems] = useState<string[]>([]);
  const [toast, setToast] = useState<string | null>(null);

  useEffect(() => {
    // expect: G1.D1
    const id = setInterval(() => {
      const msg = messages[Math.floor(Math.random() * messages.length)];
      setItems((prev) => [msg, ...prev].slice(0, 10));
      setToast(msg);
    }, 15000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    if (!toast) return;
    // ok: G1.D1
    const t = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(t);
  }, [toast]);

  return (
    <div className="relative">
      <Bell className="h-5 w-5" />
      {items.length > 0 && <span className="absolute -right-1 -top-1 rounded-full bg-red-500 px-1 text-xs text-white">{items.length}</span>}
      {toast && <div className="fixed bottom-4 right-4 rounded bg-black px-4 py-2 text-white">{toast}</div>}
    </div>
  );
}
