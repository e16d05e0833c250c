import { useEffect, useState } from "react";
import { supabase } from "@/lib/supabase";
import { payInvoice } from "@/lib/payments";

export default function Invoices() {
  const [invoices, setInvoices] = useState<any[]>([]);
  const user = JSON.parse(localStorage.getItem("user") || "{}");

  useEffect(() => {
    supabase
      .from("invoices")
      .select("*")
      .eq("patient_id", user.id)
      .then(({ data }) => setInvoices(data || []));

    // mark as paid when Stripe redirects back
    const paid = new URLSearchParams(window.location.search).get("paid");
    if (paid) {
      supabase.from("invoices").update({ status: "paid" }).eq("id", paid).then(() => console.log("marked paid", paid));
    }
  }, []);

  const pay = async (inv: any) => {
    const gst = inv.amount * 0.18;
    const url = await payInvoice(inv.id, inv.amount + gst, user.email);
    window.location.href = url!;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Invoices</h1>
      {invoices.map((inv) => (
        <div key={inv.id} className="card flex items-center justify-between">
          <div>
            <p className="font-medium">Invoice #{inv.id.slice(0, 8)}</p>
            <p className="text-sm text-slate-500">{new Date(inv.created_at).toLocaleDateString("en-US")}</p>
          </div>
          <div className="flex items-center gap-4">
            <span className="font-semibold">${(inv.amount * 1.18).toFixed(2)}</span>
            {inv.status === "paid" ? (
              <span className="rounded-full bg-green-100 px-3 py-1 text-xs text-green-700">Paid</span>
            ) : (
              <button className="btn-primary" onClick={() => pay(inv)}>Pay now</button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
