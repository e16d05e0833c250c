import Link from "next/link"
import { prisma } from "@/lib/db"
import { InvoiceForm } from "@/components/invoice-form"
import { formatMoney } from "@/lib/invoice-math"

export default async function InvoicesPage() {
  // ok: G2.P3
  const invoices = await prisma.invoice.findMany({ include: { client: true }, orderBy: { dueDate: "asc" } })
  return (
    <main className="container mx-auto py-10">
      <h1 className="mb-6 text-3xl font-bold">Invoices</h1>
      <InvoiceForm />
      <ul className="mt-8 divide-y">
        {invoices.map((inv) => (
          <li key={inv.id} className="flex justify-between py-3">
            <Link href={`/invoices/${inv.id}`}>{inv.number} — {inv.client.name}</Link>
            <span>{formatMoney(inv.total)}</span>
          </li>
        ))}
      </ul>
    </main>
  )
}
