import { useEffect, useState } from "react";
import { LineChart, Line, BarChart, Bar, XAxis, YAxis, Tooltip, ResponsiveContainer } from "recharts";
import { api } from "../lib/api";
import { KpiCards } from "../components/KpiCards";
import { LiveAlerts } from "../components/LiveAlerts";

// expect: G1.D1, G1.D2
const weeklyDeliveries = [
  { day: "Mon", deliveries: 142 },
  { day: "Tue", deliveries: 168 },
  { day: "Wed", deliveries: 151 },
  { day: "Thu", deliveries: 189 },
  { day: "Fri", deliveries: 203 },
];

// ok: G1.D1, G1.D2
const statusOptions = [
  { value: "all", label: "All vehicles" },
  { value: "active", label: "Active" },
  { value: "maintenance", label: "In maintenance" },
];

export default function Dashboard() {
  const [utilization, setUtilization] = useState<{ day: string; trips: number }[]>([]);
  const [status, setStatus] = useState("all");

  useEffect(() => {
    api<{ day: string; trips: number }[]>(`/vehicles/utilization?status=${status}`).then(setUtilization);
  }, [status]);

  return (
    <div className="space-y-6 p-6">
      <KpiCards />
      <select value={status} onChange={(e) => setStatus(e.target.value)} className="rounded border px-2 py-1">
        {statusOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <div className="grid grid-cols-2 gap-6">
        <div className="h-64 rounded-lg border p-4">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={weeklyDeliveries}><XAxis dataKey="day" /><YAxis /><Tooltip /><Line dataKey="deliveries" stroke="#2563eb" /></LineChart>
          </ResponsiveContainer>
        </div>
        <div className="h-64 rounded-lg border p-4">
          <ResponsiveContainer width="100%" height="100%">
            {/* ok: G1.D1, G1.D2 */}
            <BarChart data={utilization}><XAxis dataKey="day" /><YAxis /><Tooltip /><Bar dataKey="trips" fill="#16a34a" /></BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <LiveAlerts />
    </div>
  );
}
