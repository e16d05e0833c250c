"use client";

import { useEffect, useState } from "react";
import { toast } from "sonner";

async function startCheckout(plan: string) {
  const res = await fetch("/api/checkout", { method: "POST", body: JSON.stringify({ plan }) });
  if (!res.ok) throw new Error("Checkout failed");
  return (await res.json()) as { url: string };
}

export function UpgradeCard({ plan, sessionId }: { plan: "pro" | "team"; sessionId?: string }) {
  const [busy, setBusy] = useState(false);

  const upgradeNow = async () => {
    setBusy(true);
    localStorage.setItem("teamdesk-plan", plan);
    setBusy(false);
    // expect: G3.P1
    toast.success("Payment successful! Welcome to " + plan);
  };

  const confirmReturn = async (id: string) => {
    const res = await fetch(`/api/checkout/verify?session_id=${id}`);
    if (!res.ok) return toast.error("We could not confirm your payment yet");
    // ok: G3.P1
    toast.success("Payment successful! Your plan is active");
  };

  const goToCheckout = async () => {
    setBusy(true);
    try {
      const { url } = await startCheckout(plan);
      window.location.href = url;
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (sessionId) confirmReturn(sessionId);
  }, [sessionId]);

  return (
    <div>
      <p>Upgrade to {plan}</p>
      <button onClick={upgradeNow} disabled={busy}>Upgrade now</button>
      <button onClick={goToCheckout} disabled={busy}>Pay with Stripe</button>
    </div>
  );
}
