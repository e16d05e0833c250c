// expect: G2.P3
import { TAX_RATES, DEFAULT_CURRENCY } from "./settings"
// ok: G2.P3
import type { PdfOptions } from "./pdf"

export type LineItem = { description: string; qty: number; price: number; taxCode?: string }

export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100
}

// ok: G2.D2
export function invoiceSubtotal(items: LineItem[]): number {
  let subtotal = 0
  for (const item of items) {
    if (item.qty <= 0) continue
    subtotal += item.qty * item.price
  }
  return roundMoney(subtotal)
}

export function invoiceTax(items: LineItem[]): number {
  const byCode = new Map<string, number>()
  for (const item of items) {
    const code = item.taxCode ?? "standard"
    byCode.set(code, (byCode.get(code) ?? 0) + item.qty * item.price)
  }
  let tax = 0
  byCode.forEach((base, code) => {
    tax += base * (TAX_RATES[code] ?? TAX_RATES.standard)
  })
  return roundMoney(tax)
}

export function invoiceTotal(items: LineItem[]): number {
  return roundMoney(invoiceSubtotal(items) + invoiceTax(items))
}

export function formatMoney(cents: number, currency = DEFAULT_CURRENCY, _opts?: PdfOptions): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100)
}
