import { useEffect, useState } from "react";
import { Bar, BarChart, XAxis, YAxis } from "recharts";
import { supabase } from "@/integrations/supabase/client";
import { callFunction } from "@/lib/api";

type StageTotal = { stage: string; total: number };

export default function Dashboard() {
  const [totals, setTotals] = useState<StageTotal[]>([]);
  const [forecast, setForecast] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    // ok: G2.D5
    callFunction<StageTotal[]>("stage-totals", {})
      .then(setTotals)
      .catch(() => setFailed(true));
    // expect: G2.D5
    callFunction<{ amount: number }>("forecast", {}).then((f) => setForecast(f.amount)).catch(() => {});
  }, []);

  // ok: G2.D8
  // Todo list for the week lives in the sidebar; the chart shows open pipeline only.
  const signOut = () => supabase.auth.signOut();

  return (
    <div className="p-6">
      {failed && <p role="alert">Could not load the pipeline totals.</p>}
      <BarChart width={600} height={300} data={totals}>
        <XAxis dataKey="stage" />
        <YAxis />
        <Bar dataKey="total" />
      </BarChart>
      {forecast !== null && <p>Forecast: {forecast}</p>}
      <button onClick={signOut}>Sign out</button>
    </div>
  );
}
