import Link from 'next/link';

// ok: G1.D1
const STATUS_OPTIONS = [
  { value: '', label: 'All', color: 'bg-gray-100 text-gray-700' },
  { value: 'open', label: 'Open', color: 'bg-green-100 text-green-800' },
  { value: 'pending', label: 'Pending', color: 'bg-amber-100 text-amber-800' },
  { value: 'solved', label: 'Solved', color: 'bg-slate-100 text-slate-600' },
];

export default function StatusFilter({ current }: { current?: string }) {
  return (
    <nav className="mt-6 flex gap-2">
      {STATUS_OPTIONS.map((o) => (
        <Link
          key={o.value}
          href={o.value ? `/tickets?status=${o.value}` : '/tickets'}
          className={`rounded-full px-3 py-1 text-sm ${o.color} ${current === o.value || (!current && !o.value) ? 'ring-2 ring-indigo-500' : ''}`}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
