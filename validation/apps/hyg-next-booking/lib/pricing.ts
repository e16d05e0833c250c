/**
 * Formats paise as rupees, e.g. formatPaise(150000) returns "₹1,500.00".
 */
export function formatPaise(paise: number): string {
  return new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(paise / 100);
}

// Usage:
// ok: G2.D8
//   const total = withGst(service.pricePaise)
//   await stripe.paymentIntents.create({ amount: total, currency: "inr" })
export function withGst(paise: number): number {
  return Math.round(paise * 1.18);
}

export function cancellationFee(paise: number, hoursBefore: number): number {
  // expect: G2.D8
  // HACK: flat 50% until the clinic sends the real policy
  return hoursBefore < 24 ? Math.round(paise / 2) : 0;
}
