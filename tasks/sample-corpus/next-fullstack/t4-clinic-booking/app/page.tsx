import Link from "next/link";
import { prisma } from "@/lib/db";

export default async function Home() {
  const doctors = await prisma.doctor.findMany({ take: 6, orderBy: { name: "asc" } });

  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-blue-600 p-10 text-white">
        <h1 className="text-4xl font-bold">Care that fits your schedule</h1>
        <p className="mt-2 text-blue-100">Book a consultation with our doctors in under a minute.</p>
        <Link href="/book" className="mt-6 inline-block rounded-lg bg-white px-5 py-2 font-medium text-blue-700">
          Book now
        </Link>
      </section>
      <section className="grid gap-4 md:grid-cols-3">
        {doctors.map((d) => (
          <div key={d.id} className="rounded-xl bg-white p-5 shadow-sm">
            {d.photoUrl && <img src={d.photoUrl} alt={d.name} className="mb-3 h-16 w-16 rounded-full" />}
            <p className="font-semibold">{d.name}</p>
            <p className="text-sm text-gray-500">{d.specialty}</p>
            <p className="mt-2 text-sm">₹{d.fee}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
