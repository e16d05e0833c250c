export const GST_RATE = 0.05
export const FREE_SHIPPING_FROM = 999
export const SHIPPING_FEE = 79

export type Line = { unitPrice: number; quantity: number }

export function subtotal(lines: Line[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
}

export function shipping(sub: number): number {
  return sub === 0 || sub >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE
}

export function orderTotal(lines: Line[]): number {
  const sub = subtotal(lines)
  return sub + sub * GST_RATE + shipping(sub)
}

export function formatPrice(amount: number): string {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(amount)
}
