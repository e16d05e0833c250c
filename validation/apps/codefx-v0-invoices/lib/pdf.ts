// ok: G2.P3
import { formatMoney, type LineItem } from "./invoice-math"

export type PdfOptions = { locale?: string; showTax?: boolean }

export function pdfRows(items: LineItem[], opts: PdfOptions = {}): string[][] {
  return items.map((i) => [i.description, String(i.qty), formatMoney(i.price * 100, undefined, opts)])
}
