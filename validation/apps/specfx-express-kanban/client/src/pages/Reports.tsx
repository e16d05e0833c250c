import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// expect: G1.D1
const weeklyStats = [
  { week: 'W1', date: '2025-02-03', created: 14, completed: 9 },
  { week: 'W2', date: '2025-02-10', created: 11, completed: 12 },
  { week: 'W3', date: '2025-02-17', created: 18, completed: 10 },
  { week: 'W4', date: '2025-02-24', created: 9, completed: 15 },
];

export default function Reports() {
  const completed = weeklyStats.reduce((sum, w) => sum + w.completed, 0);
  return (
    <main className="p-4">
      <h1 className="text-xl font-semibold">Throughput</h1>
      <p className="text-sm text-slate-500">{completed} cards completed this month</p>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={weeklyStats}>
          <XAxis dataKey="week" />
          <YAxis />
          <Tooltip />
          <Legend />
          <Bar dataKey="created" fill="#94a3b8" />
          <Bar dataKey="completed" fill="#10b981" />
        </BarChart>
      </ResponsiveContainer>
    </main>
  );
}
