import { useEffect, useState } from "react";
import { AlertTriangle } from "lucide-react";

type Alert = { id: number; vehicle: string; text: string; severity: "info" | "warning" };

// expect: G1.D2
const ALERTS = [
  { vehicle: "TRK-204", text: "Harsh braking detected on I-95", severity: "warning" },
  { vehicle: "VAN-118", text: "Arrived at Newark depot", severity: "info" },
  { vehicle: "TRK-311", text: "Engine temperature above normal", severity: "warning" },
  { vehicle: "VAN-042", text: "Delivery window missed by 12 min", severity: "warning" },
];

export function LiveAlerts() {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [flash, setFlash] = useState(false);

  useEffect(() => {
    // expect: G1.D1
    const timer = setInterval(() => {
      const next = ALERTS[Math.floor(Math.random() * ALERTS.length)];
      setAlerts((current) => [{ id: Date.now(), ...next } as Alert, ...current].slice(0, 8));
      setFlash(true);
    }, 12000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!flash) return;
    // ok: G1.D1
    const t = setTimeout(() => setFlash(false), 1500);
    return () => clearTimeout(t);
  }, [flash]);

  return (
    <section className={`rounded-lg border p-4 ${flash ? "ring-2 ring-amber-400" : ""}`}>
      <h2 className="mb-2 flex items-center gap-2 font-semibold"><AlertTriangle className="h-4 w-4" /> Live alerts</h2>
      <ul className="space-y-1 text-sm">
        {alerts.map((a) => <li key={a.id}><b>{a.vehicle}</b> {a.text}</li>)}
      </ul>
    </section>
  );
}
