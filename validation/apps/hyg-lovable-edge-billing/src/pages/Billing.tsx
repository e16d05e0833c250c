import { useQuery } from "@tanstack/react-query";
import { CreditCard, UserPlus } from "lucide-react";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";

type Plan = { id: string; name: string; price_cents: number };

export default function Billing() {
  const { data: plans = [] } = useQuery({
    queryKey: ["plans"],
    queryFn: async () => {
      const { data, error } = await supabase.from("plans").select("*").order("price_cents");
      if (error) throw error;
      return data as Plan[];
    },
  });

  const checkout = async (plan: Plan) => {
    const { data, error } = await supabase.functions.invoke("create-checkout", {
      body: { planId: plan.id, amount: plan.price_cents },
    });
    if (error) return toast.error("Checkout failed");
    window.location.href = data.url;
  };

  const invite = async (email: string) => {
    const { error } = await supabase.functions.invoke("invite-member", { body: { email, role: "member" } });
    if (error) toast.error(error.message);
    else toast.success(`Invited ${email}`);
  };

  return (
    <div className="p-8 space-y-6">
      <h1 className="text-2xl font-bold">Billing</h1>
      {plans.map((p) => (
        <button key={p.id} onClick={() => checkout(p)}>
          <CreditCard className="h-4 w-4" /> {p.name} · ${(p.price_cents / 100).toFixed(2)}/mo
        </button>
      ))}
      <button onClick={() => invite(prompt("Email") ?? "")}>
        <UserPlus className="h-4 w-4" /> Invite a teammate
      </button>
    </div>
  );
}
