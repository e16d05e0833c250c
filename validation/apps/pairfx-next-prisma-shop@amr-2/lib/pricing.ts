// All amounts are integer paise (1 rupee = 100 paise) so totals never pick up float errors.
export const GST_PERCENT = 5
export const FREE_SHIPPING_FROM = 99_900
export const SHIPPING_FEE = 7_900

export type Line = { unitPrice: number; quantity: number }

export function subtotal(lines: Line[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
}

export function shipping(sub: number): number {
  return sub === 0 || sub >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE
}

export function orderTotal(lines: Line[]): number {
  const sub = subtotal(lines)
  return sub + Math.round((sub * GST_PERCENT) / 100) + shipping(sub)
}

export function formatPrice(paise: number): string {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(paise / 100)
}
