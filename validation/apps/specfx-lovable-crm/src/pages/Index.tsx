import { Link } from 'react-router-dom';
import { BarChart3, Users, CheckSquare } from 'lucide-react';

// ok: G1.D1
const features = [
  { icon: Users, title: 'Customers', description: 'Every account, status and owner in one table.' },
  { icon: BarChart3, title: 'Pipeline', description: 'Drag deals from lead to won and watch revenue move.' },
  { icon: CheckSquare, title: 'Tasks', description: 'Follow-ups for the whole team, never dropped.' },
];

const stats = [
  { label: 'Avg. deal cycle', value: '21 days' },
  { label: 'Win rate', value: '34%' },
  { label: 'Open tasks', value: '12' },
];

export default function Index() {
  return (
    <main className="container mx-auto py-16">
      <h1 className="text-4xl font-bold">Pipeline CRM</h1>
      <p className="mt-2 text-slate-500">Your agency's clients, deals and follow-ups.</p>
      <div className="mt-10 grid gap-6 md:grid-cols-3">
        {features.map((f) => (
          <div key={f.title} className="rounded-xl border p-6">
            <f.icon className="h-6 w-6 text-blue-600" />
            <h3 className="mt-4 font-semibold">{f.title}</h3>
            <p className="text-sm text-slate-500">{f.description}</p>
          </div>
        ))}
      </div>
      <dl className="mt-10 flex gap-10">
        {stats.map((s) => (
          <div key={s.label}>
            <dt className="text-sm text-slate-500">{s.label}</dt>
            <dd className="text-2xl font-bold">{s.value}</dd>
          </div>
        ))}
      </dl>
      <Link to="/customers" className="mt-10 inline-block text-blue-600">Open the dashboard →</Link>
    </main>
  );
}
