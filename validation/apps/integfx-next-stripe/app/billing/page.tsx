"use client";
export default function BillingPage() {
  const pay = async (invoiceId: string, amount: number) => {
    const r = await fetch("/api/checkout", { method: "POST", body: JSON.stringify({ invoiceId, amount }) });
    const { url } = await r.json();
    window.location.href = url;
  };
  return <button onClick={() => pay("inv_1", 4500)}>Pay invoice</button>;
}
