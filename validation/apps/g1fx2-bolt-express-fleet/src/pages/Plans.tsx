import { useState } from "react";

// ok: G1.D1, G1.D2
const plans = [
  { name: "Starter", price: 49, vehicles: 10, features: ["GPS tracking", "Trip history"] },
  { name: "Fleet", price: 149, vehicles: 50, features: ["Everything in Starter", "Driver scorecards"] },
  { name: "Enterprise", price: 499, vehicles: 500, features: ["Everything in Fleet", "SSO", "Dedicated support"] },
];

// ok: G1.D1, G1.D2
const faqs = [
  { question: "Can I change plans later?", answer: "Yes, upgrades apply immediately and downgrades at the next renewal." },
  { question: "Do you charge per driver?", answer: "No, plans are priced per vehicle." },
  { question: "Is there a contract?", answer: "Monthly plans can be cancelled at any time." },
];

// ok: G1.D1, G1.D2
const customerReviews = [
  { name: "Dana Whitfield", company: "Harbor Freight Co.", rating: 5, text: "Dispatch went from a whiteboard to one screen." },
  { name: "Omar Haddad", company: "Cedar Logistics", rating: 5, text: "Our drivers actually like the app." },
  { name: "Grace Liu", company: "Northline Movers", rating: 4, text: "Setup took an afternoon." },
];

export default function Plans() {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="space-y-8 p-6">
      <div className="grid grid-cols-3 gap-4">
        {plans.map((p) => (
          <div key={p.name} className="rounded-lg border p-4"><h3>{p.name}</h3><p>${p.price}/mo · up to {p.vehicles} vehicles</p></div>
        ))}
      </div>
      {customerReviews.map((r) => <blockquote key={r.name}>{r.text} — {r.name}, {r.company}</blockquote>)}
      {faqs.map((f) => (
        <details key={f.question} open={open === f.question} onClick={() => setOpen(f.question)}><summary>{f.question}</summary>{f.answer}</details>
      ))}
    </div>
  );
}
