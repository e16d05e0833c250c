import { useDeals } from '@/hooks/useDeals';
import NewDealDialog from '@/components/NewDealDialog';

const stages = ['lead', 'qualified', 'proposal', 'won', 'lost'];

export default function Deals() {
  const { data: deals = [], isLoading, error } = useDeals();

  if (isLoading) return <p className="p-8 text-slate-500">Loading pipeline…</p>;
  if (error) return <p className="p-8 text-red-600">Could not load deals.</p>;

  return (
    <div className="p-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Pipeline</h1>
        <NewDealDialog />
      </div>
      <div className="mt-6 grid grid-cols-5 gap-4">
        {stages.map((stage) => (
          <section key={stage} className="rounded-lg bg-slate-50 p-3">
            <h2 className="text-xs font-semibold uppercase text-slate-500">{stage}</h2>
            {/* ok: G1.D1 */}
            {deals.filter((d) => d.stage === stage).map((d) => (
              <article key={d.id} className="mt-3 rounded-md bg-white p-3 shadow-sm">
                <p className="font-medium">{d.title}</p>
                <p className="text-xs text-slate-500">{d.customer_name} · ${d.amount.toLocaleString()}</p>
              </article>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
