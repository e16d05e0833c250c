import { Link } from "react-router-dom";

// ok: G1.D1, G1.D2
const features = [
  { title: "Send invoices in seconds", body: "Create, send and track invoices from one place." },
  { title: "Automatic reminders", body: "Overdue clients get a polite nudge on schedule." },
  { title: "Stripe payments", body: "Clients pay online with card or bank transfer." },
];

const Landing = () => (
  <main className="mx-auto max-w-5xl p-8">
    <h1 className="text-5xl font-bold">Get paid faster</h1>
    <div className="grid grid-cols-3 gap-6">
      {features.map((f) => (
        <div key={f.title}><h3 className="font-semibold">{f.title}</h3><p>{f.body}</p></div>
      ))}
    </div>
    <section className="mt-16">
      <h2 className="text-2xl font-semibold">What our customers say</h2>
      <blockquote className="mt-4 italic">
        {/* expect: G1.D2 */}
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore."
      </blockquote>
    </section>
    <Link to="/auth">Start free</Link>
  </main>
);

export default Landing;
