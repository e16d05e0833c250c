import { NextResponse } from "next/server"
import { prisma } from "@/lib/db"
import { invoiceTotal } from "@/lib/invoice-math"

export async function GET() {
  // ok: G2.P3
  const invoices = await prisma.invoice.findMany({ include: { client: true }, orderBy: { createdAt: "desc" } })
  return NextResponse.json(invoices)
}

export async function POST(req: Request) {
  try {
    const data = await req.json()
    if (!data.clientId || !data.number) {
      return NextResponse.json({ error: "Missing invoice fields" }, { status: 400 })
    }
    const duplicate = await prisma.invoice.findUnique({ where: { number: data.number } })
    if (duplicate) {
      return NextResponse.json({ error: "Invoice number already used" }, { status: 409 })
    }
    const invoice = await prisma.invoice.create({
      data: { clientId: data.clientId, number: data.number },
    })
    return NextResponse.json(invoice, { status: 201 })
  } catch (err) {
    console.error("Error creating invoice:", err)
    return NextResponse.json({ error: "Failed to create invoice" }, { status: 500 })
  }
}

export async function PUT(req: Request) {
  const data = await req.json()
  // expect: G2.D4
  const items = (data.items as any[]).map((i) => ({ ...i, qty: Number(i.qty) }))
  const total = invoiceTotal(items)
  const updated = await prisma.invoice.update({ where: { id: data.id }, data: { items, total } })
  return NextResponse.json(updated)
}
