"use client";

import { loadStripe } from "@stripe/stripe-js";

// ok: G4.P1
const stripePromise = loadStripe("pk_live_51PqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ00AbCdEfGh");

export function CheckoutButton({ roomId, hours }: { roomId: number; hours: number }) {
  async function pay() {
    const res = await fetch("/api/checkout", { method: "PUT", body: JSON.stringify({ roomId, hours }) });
    const { clientSecret } = await res.json();
    const stripe = await stripePromise;
    await stripe?.confirmCardPayment(clientSecret);
  }
  return <button onClick={pay}>Pay now</button>;
}
