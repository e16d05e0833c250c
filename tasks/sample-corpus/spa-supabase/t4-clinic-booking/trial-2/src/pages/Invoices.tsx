import { useEffect, useState } from "react";
import { toast } from "sonner";
import { supabase } from "@/lib/supabase";
import { formatDate, formatINR, withGst } from "@/lib/format";

export default function Invoices() {
  const [invoices, setInvoices] = useState<any[]>([]);
  const [paying, setPaying] = useState<string | null>(null);
  const user = JSON.parse(localStorage.getItem("user") || "{}");

  const load = () =>
    supabase
      .from("invoices")
      .select("*")
      .eq("patient_id", user.id)
      .order("created_at", { ascending: false })
      .then(({ data }) => setInvoices(data || []));

  useEffect(() => {
    load();
  }, []);

  // Online payments coming soon — simulate a successful UPI payment for now
  const pay = async (inv: any) => {
    setPaying(inv.id);
    await new Promise((r) => setTimeout(r, 1500));
    await supabase.from("invoices").update({ status: "paid" }).eq("id", inv.id);
    toast.success("Payment successful! 🎉");
    setPaying(null);
    load();
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Invoices</h1>
      {invoices.map((inv) => (
        <div key={inv.id} className="card flex items-center justify-between">
          <div>
            <p className="font-medium">Invoice #{inv.id.slice(0, 8)}</p>
            <p className="text-sm text-slate-500">{formatDate(inv.created_at)}</p>
          </div>
          <div className="flex items-center gap-4">
            <span className="font-semibold">{formatINR(withGst(inv.amount))}</span>
            {inv.status === "paid" ? (
              <span className="rounded-full bg-green-100 px-3 py-1 text-xs text-green-700">Paid</span>
            ) : (
              <button className="btn-primary" disabled={paying === inv.id} onClick={() => pay(inv)}>
                {paying === inv.id ? "Processing..." : "Pay with UPI"}
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
