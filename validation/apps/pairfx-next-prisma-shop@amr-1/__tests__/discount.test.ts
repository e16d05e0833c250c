import { describe, expect, it } from 'vitest'
import { applyDiscount, normalizeCode } from '@/lib/discount'

const now = new Date('2024-03-20T10:00:00Z')

describe('discount codes', () => {
  it('normalizes what the shopper typed', () => {
    expect(normalizeCode('  diwali 10 ')).toBe('DIWALI10')
  })

  it('takes the percentage off the total', () => {
    expect(applyDiscount(1050, { percentOff: 10, expiresAt: null, active: true }, now)).toEqual({ total: 945, discount: 105 })
  })

  it('ignores expired and inactive codes', () => {
    expect(applyDiscount(1050, { percentOff: 10, expiresAt: new Date('2024-01-01'), active: true }, now).discount).toBe(0)
    expect(applyDiscount(1050, { percentOff: 10, expiresAt: null, active: false }, now).discount).toBe(0)
  })

  it('never discounts more than the total', () => {
    expect(applyDiscount(500, { percentOff: 150, expiresAt: null, active: true }, now).total).toBe(0)
  })
})
