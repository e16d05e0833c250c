// expect: G1.D1, G1.D2
const kpis = [
  { label: "Active vehicles", value: "128", change: "+6 this week" },
  { label: "On-time rate", value: "94.2%", change: "+1.8%" },
  { label: "Fuel spend", value: "$18,430", change: "-3.1%" },
  { label: "Open incidents", value: "7", change: "-2" },
];

export function KpiCards() {
  return (
    <div className="grid grid-cols-4 gap-4">
      {kpis.map((k) => (
        <div key={k.label} className="rounded-lg border p-4">
          <p className="text-sm text-slate-500">{k.label}</p>
          <p className="text-2xl font-bold">{k.value}</p>
          <p className="text-xs text-emerald-600">{k.change}</p>
        </div>
      ))}
    </div>
  );
}
