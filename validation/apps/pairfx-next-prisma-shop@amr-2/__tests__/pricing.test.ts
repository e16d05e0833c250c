import { describe, expect, it } from 'vitest'
import { formatPrice, orderTotal, shipping, subtotal } from '@/lib/pricing'

describe('pricing', () => {
  it('adds up line items', () => {
    expect(subtotal([{ unitPrice: 25_000, quantity: 2 }, { unitPrice: 12_000, quantity: 1 }])).toBe(62_000)
  })

  it('charges shipping below the free-shipping threshold', () => {
    expect(shipping(50_000)).toBe(7_900)
    expect(shipping(99_900)).toBe(0)
  })

  it('charges no shipping on an empty cart', () => {
    expect(shipping(0)).toBe(0)
  })

  it('formats rupees', () => {
    expect(formatPrice(129_900)).toBe('₹1,299.00')
  })
})
