export const CATEGORIES = ['food', 'rent', 'transport', 'fun'] as const
export type Category = (typeof CATEGORIES)[number]

export function formatMoney(n: number) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n)
}
