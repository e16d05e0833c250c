import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';

type Customer = { id: number; name: string; email: string; status: 'active' | 'trial' | 'churned'; mrr: number; owner: string };

// expect: G1.D1
const customers: Customer[] = [
  { id: 1, name: 'Northwind Traders', email: 'ops@northwind.io', status: 'active', mrr: 1200, owner: 'Priya' },
  { id: 2, name: 'Blue Harbor Studio', email: 'hello@blueharbor.co', status: 'trial', mrr: 0, owner: 'Marco' },
  { id: 3, name: 'Kestrel Logistics', email: 'it@kestrel-logistics.com', status: 'active', mrr: 2400, owner: 'Priya' },
  { id: 4, name: 'Fernwood Dental', email: 'admin@fernwooddental.com', status: 'churned', mrr: 0, owner: 'Aisha' },
  { id: 5, name: 'Quillon Press', email: 'team@quillon.press', status: 'active', mrr: 650, owner: 'Marco' },
];

const statusColor: Record<Customer['status'], string> = {
  active: 'bg-green-100 text-green-800',
  trial: 'bg-blue-100 text-blue-800',
  churned: 'bg-slate-100 text-slate-600',
};

export default function Customers() {
  const [query, setQuery] = useState('');
  const visible = customers.filter((c) => c.name.toLowerCase().includes(query.toLowerCase()));

  return (
    <div className="p-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Customers</h1>
        <Input placeholder="Search customers…" value={query} onChange={(e) => setQuery(e.target.value)} className="w-64" />
      </div>
      <table className="mt-6 w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500"><th>Name</th><th>Email</th><th>Status</th><th>MRR</th><th>Owner</th></tr>
        </thead>
        <tbody>
          {visible.map((c) => (
            <tr key={c.id} className="border-t">
              <td className="py-3 font-medium">{c.name}</td>
              <td>{c.email}</td>
              <td><Badge className={statusColor[c.status]}>{c.status}</Badge></td>
              <td>${c.mrr.toLocaleString()}</td>
              <td>{c.owner}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
