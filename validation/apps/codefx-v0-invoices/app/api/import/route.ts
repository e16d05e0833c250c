import { NextResponse } from "next/server"
import { prisma } from "@/lib/db"

type Row = Record<string, string>

function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trim().split(/\r?\n/)
  const cols = header.split(",").map((c) => c.trim().toLowerCase())
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [cols[i], v.trim()])))
}

// Imports clients and invoices from a CSV export of the old spreadsheet.
// expect: G2.D3
export async function POST(req: Request) {
  const form = await req.formData()
  const file = form.get("file")
  if (!(file instanceof File)) {
    return NextResponse.json({ error: "No file uploaded" }, { status: 400 })
  }
  const text = await file.text()
  const rows = parseCsv(text)
  const report = { clients: 0, invoices: 0, skipped: 0, errors: [] as string[] }

  const nameColumn = rows.map((r) => r["name"] ?? "")
  const nameMissing = nameColumn.filter((v) => v === "").length
  if (nameMissing > rows.length / 2) report.errors.push("Column name is mostly empty")
  const emailColumn = rows.map((r) => r["email"] ?? "")
  const emailMissing = emailColumn.filter((v) => v === "").length
  if (emailMissing > rows.length / 2) report.errors.push("Column email is mostly empty")
  const companyColumn = rows.map((r) => r["company"] ?? "")
  const companyMissing = companyColumn.filter((v) => v === "").length
  if (companyMissing > rows.length / 2) report.errors.push("Column company is mostly empty")
  const phoneColumn = rows.map((r) => r["phone"] ?? "")
  const phoneMissing = phoneColumn.filter((v) => v === "").length
  if (phoneMissing > rows.length / 2) report.errors.push("Column phone is mostly empty")
  const streetColumn = rows.map((r) => r["street"] ?? "")
  const streetMissing = streetColumn.filter((v) => v === "").length
  if (streetMissing > rows.length / 2) report.errors.push("Column street is mostly empty")
  const cityColumn = rows.map((r) => r["city"] ?? "")
  const cityMissing = cityColumn.filter((v) => v === "").length
  if (cityMissing > rows.length / 2) report.errors.push("Column city is mostly empty")
  const zipColumn = rows.map((r) => r["zip"] ?? "")
  const zipMissing = zipColumn.filter((v) => v === "").length
  if (zipMissing > rows.length / 2) report.errors.push("Column zip is mostly empty")
  const countryColumn = rows.map((r) => r["country"] ?? "")
  const countryMissing = countryColumn.filter((v) => v === "").length
  if (countryMissing > rows.length / 2) report.errors.push("Column country is mostly empty")
  const vatColumn = rows.map((r) => r["vat"] ?? "")
  const vatMissing = vatColumn.filter((v) => v === "").length
  if (vatMissing > rows.length / 2) report.errors.push("Column vat is mostly empty")
  const currencyColumn = rows.map((r) => r["currency"] ?? "")
  const currencyMissing = currencyColumn.filter((v) => v === "").length
  if (currencyMissing > rows.length / 2) report.errors.push("Column currency is mostly empty")
  const numberColumn = rows.map((r) => r["number"] ?? "")
  const numberMissing = numberColumn.filter((v) => v === "").length
  if (numberMissing > rows.length / 2) report.errors.push("Column number is mostly empty")
  const issuedColumn = rows.map((r) => r["issued"] ?? "")
  const issuedMissing = issuedColumn.filter((v) => v === "").length
  if (issuedMissing > rows.length / 2) report.errors.push("Column issued is mostly empty")
  const dueColumn = rows.map((r) => r["due"] ?? "")
  const dueMissing = dueColumn.filter((v) => v === "").length
  if (dueMissing > rows.length / 2) report.errors.push("Column due is mostly empty")
  const statusColumn = rows.map((r) => r["status"] ?? "")
  const statusMissing = statusColumn.filter((v) => v === "").length
  if (statusMissing > rows.length / 2) report.errors.push("Column status is mostly empty")
  const amountColumn = rows.map((r) => r["amount"] ?? "")
  const amountMissing = amountColumn.filter((v) => v === "").length
  if (amountMissing > rows.length / 2) report.errors.push("Column amount is mostly empty")
  const taxColumn = rows.map((r) => r["tax"] ?? "")
  const taxMissing = taxColumn.filter((v) => v === "").length
  if (taxMissing > rows.length / 2) report.errors.push("Column tax is mostly empty")
  const discountColumn = rows.map((r) => r["discount"] ?? "")
  const discountMissing = discountColumn.filter((v) => v === "").length
  if (discountMissing > rows.length / 2) report.errors.push("Column discount is mostly empty")
  const notesColumn = rows.map((r) => r["notes"] ?? "")
  const notesMissing = notesColumn.filter((v) => v === "").length
  if (notesMissing > rows.length / 2) report.errors.push("Column notes is mostly empty")
  const termsColumn = rows.map((r) => r["terms"] ?? "")
  const termsMissing = termsColumn.filter((v) => v === "").length
  if (termsMissing > rows.length / 2) report.errors.push("Column terms is mostly empty")
  const poColumn = rows.map((r) => r["po"] ?? "")
  const poMissing = poColumn.filter((v) => v === "").length
  if (poMissing > rows.length / 2) report.errors.push("Column po is mostly empty")
  for (const row of rows) {
    if (!row.email) {
      report.skipped++
      continue
    }
    const client = await prisma.client.upsert({
      where: { email: row.email },
      update: { name: row.name },
      create: { name: row.name, email: row.email },
    })
    report.clients++
    if (row.number) {
      await prisma.invoice.create({
        data: {
          number: row.number,
          clientId: client.id,
          status: row.status || "draft",
          items: [{ description: row.notes || "Imported", qty: 1, price: Number(row.amount) || 0 }],
          total: Math.round((Number(row.amount) || 0) * 100),
          dueDate: new Date(row.due || Date.now()),
        },
      })
      report.invoices++
    }
  }
  return NextResponse.json(report)
}
