import Link from "next/link";
import { prisma } from "@/lib/db";
import { formatPaise } from "@/lib/pricing";

export default async function Home() {
  const services = await prisma.service.findMany({ orderBy: { name: "asc" } });
  return (
    <main>
      <h1>Book an appointment</h1>
      <ul>
        {services.map((s) => (
          <li key={s.id}>
            <Link href={`/book?service=${s.id}`}>{s.name}</Link> · {formatPaise(s.pricePaise)} · {s.minutes} min
          </li>
        ))}
      </ul>
    </main>
  );
}
