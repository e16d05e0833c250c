import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { Loader2 } from "lucide-react";
import { supabase } from "@/integrations/supabase/client";
import { formatPrice } from "@/lib/utils";

type Service = { id: string; name: string; description: string | null; price_cents: number; duration_minutes: number; image_url: string | null };

export default function Services() {
  // ok: G6.D1
  const { data: services, isLoading, isError, refetch } = useQuery({
    queryKey: ["services"],
    queryFn: async () => {
      const { data, error } = await supabase.from("services").select("*").order("name").range(0, 49);
      if (error) throw error;
      return data as Service[];
    },
  });

  if (isLoading) {
    return (
      <div className="flex justify-center py-20">
        <Loader2 className="h-6 w-6 animate-spin" aria-label="Loading services" />
      </div>
    );
  }

  if (isError) {
    return (
      <div role="alert" className="mx-auto max-w-md py-20 text-center">
        <p>We couldn't load our services right now.</p>
        <button onClick={() => refetch()} className="mt-4 underline">
          Try again
        </button>
      </div>
    );
  }

  if (!services || services.length === 0) {
    return <p className="py-20 text-center text-muted-foreground">No services are available yet. Please check back soon.</p>;
  }

  return (
    <main className="mx-auto grid max-w-5xl gap-6 p-6 md:grid-cols-3">
      {services.map((s) => (
        <article key={s.id} className="rounded-xl border p-4 shadow-sm">
          {/* ok: G6.D3 */}
          <img src={s.image_url ?? "/placeholder.svg"} alt={s.name} className="h-40 w-full rounded-lg object-cover" />
          <h2 className="mt-3 text-lg font-semibold">{s.name}</h2>
          <p className="text-sm text-muted-foreground">{s.description}</p>
          <div className="mt-3 flex items-center justify-between">
            <span>{formatPrice(s.price_cents)} · {s.duration_minutes} min</span>
            <Link to={`/book/${s.id}`} className="rounded-md bg-black px-3 py-1.5 text-white">
              Book
            </Link>
          </div>
        </article>
      ))}
    </main>
  );
}
