import { describe, expect, it } from 'vitest'
import { formatPrice, orderTotal, shipping, subtotal } from '@/lib/pricing'

describe('pricing', () => {
  it('adds up line items', () => {
    expect(subtotal([{ unitPrice: 250, quantity: 2 }, { unitPrice: 120, quantity: 1 }])).toBe(620)
  })

  it('charges shipping below the free-shipping threshold', () => {
    expect(shipping(500)).toBe(79)
    expect(shipping(999)).toBe(0)
  })

  it('charges no shipping on an empty cart', () => {
    expect(shipping(0)).toBe(0)
  })

  it('adds 5% GST to the subtotal', () => {
    expect(orderTotal([{ unitPrice: 1000, quantity: 1 }])).toBe(1050)
  })

  it('keeps paise exact for odd prices', () => {
    expect(orderTotal([{ unitPrice: 333.33, quantity: 3 }])).toBe(1128.99)
  })

  it('formats rupees', () => {
    expect(formatPrice(1299)).toBe('₹1,299.00')
  })
})
