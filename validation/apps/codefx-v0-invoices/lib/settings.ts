import { roundMoney } from "./invoice-math"

export const DEFAULT_CURRENCY = process.env.NEXT_PUBLIC_CURRENCY ?? "USD"

export const TAX_RATES: Record<string, number> = {
  standard: roundMoney(Number(process.env.NEXT_PUBLIC_TAX_RATE ?? "0.2")),
  reduced: 0.05,
  zero: 0,
}
