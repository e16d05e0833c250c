import { useEffect, useState } from "react";
import { FileText, CheckCircle2 } from "lucide-react";
import { supabase } from "@/lib/supabase";
import { payInvoice } from "@/lib/payments";

type Invoice = { id: string; amount: number; status: string; created_at: string };

export default function Invoices() {
  const [invoices, setInvoices] = useState<Invoice[]>([]);
  const [loading, setLoading] = useState(true);
  const user = JSON.parse(localStorage.getItem("user") || "{}");

  useEffect(() => {
    const load = async () => {
      const { data } = await supabase.from("invoices").select("*").eq("patient_id", user.id).order("created_at", { ascending: false });
      setInvoices((data as Invoice[]) || []);
      setLoading(false);
    };
    load();

    // mark as paid when Stripe redirects back
    const paid = new URLSearchParams(window.location.search).get("paid");
    if (paid) {
      supabase.from("invoices").update({ status: "paid" }).eq("id", paid).then(() => console.log("marked paid", paid));
    }
  }, []);

  const pay = async (inv: Invoice) => {
    const gst = inv.amount * 0.18;
    const url = await payInvoice(inv.id, inv.amount + gst, user.email);
    window.location.href = url!;
  };

  if (loading) return <p className="text-slate-500">Loading invoices...</p>;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Invoices</h1>
        <p className="text-slate-500">All your consultation bills in one place.</p>
      </div>
      <div className="overflow-hidden rounded-2xl border bg-white">
        {invoices.map((inv) => (
          <div key={inv.id} className="flex items-center justify-between border-b px-6 py-4 last:border-0">
            <div className="flex items-center gap-3">
              <FileText className="h-5 w-5 text-teal-600" />
              <div>
                <p className="font-medium">Invoice #{inv.id.slice(0, 8)}</p>
                <p className="text-xs text-slate-500">{new Date(inv.created_at).toLocaleDateString("en-US")}</p>
              </div>
            </div>
            <div className="flex items-center gap-4">
              <span className="text-lg font-semibold">${(inv.amount * 1.18).toFixed(2)}</span>
              {inv.status === "paid" ? (
                <span className="flex items-center gap-1 text-sm text-green-700"><CheckCircle2 className="h-4 w-4" /> Paid</span>
              ) : (
                <button className="btn-primary" onClick={() => pay(inv)}>Pay now</button>
              )}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
