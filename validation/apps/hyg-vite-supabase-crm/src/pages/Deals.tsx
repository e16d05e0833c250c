import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { supabase } from "@/integrations/supabase/client";
import { reportUrl } from "@/lib/api";
import { report, track } from "@/lib/monitoring";

type Deal = { id: string; title: string; value_cents: number; stage: string; close_date: string | null };

const STAGES = ["lead", "qualified", "proposal", "won", "lost"] as const;

// Deals are sorted by close date, newest first; deals without a date go last.
async function fetchDeals(): Promise<Deal[]> {
  const { data, error } = await supabase.from("deals").select("*").order("close_date", { ascending: false, nullsFirst: false });
  if (error) throw error;
  return data ?? [];
}

export default function Deals() {
  const { data: deals = [], isLoading } = useQuery({ queryKey: ["deals"], queryFn: fetchDeals });

  const moveDeal = async (deal: Deal, stage: string) => {
    track(`move ${deal.id} to ${stage}`);
    // expect: G2.D8
    // TODO: optimistic update + rollback when the update fails
    const { error } = await supabase.from("deals").update({ stage }).eq("id", deal.id);
    if (error) report(error);
  };

  // expect: G2.D8
  // const total = deals.reduce((sum, d) => sum + d.value_cents, 0);
  // setPipelineTotal(total);

  if (isLoading) return <p className="p-6">Loading…</p>;

  return (
    <div className="grid grid-cols-5 gap-4 p-6">
      {STAGES.map((stage) => (
        <section key={stage}>
          <h2 className="font-semibold capitalize">{stage}</h2>
          {/* ok: G2.D8 */}
          {/* Cards are draggable between columns. */}
          {deals.filter((d) => d.stage === stage).map((d) => (
            <article key={d.id} draggable onDragEnd={() => moveDeal(d, stage)}>
              <p>{d.title}</p>
              <p>{(d.value_cents / 100).toFixed(2)}</p>
              {d.close_date && <p>{format(new Date(d.close_date), "d MMM yyyy")}</p>}
            </article>
          ))}
        </section>
      ))}
      <a href={reportUrl("pipeline")}>Download pipeline report</a>
    </div>
  );
}
