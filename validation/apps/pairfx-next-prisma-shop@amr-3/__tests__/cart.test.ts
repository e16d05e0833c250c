import { describe, expect, it } from 'vitest'
import { addToCart, removeFromCart } from '@/lib/cart'

const assam = { productId: 'p1', name: 'Assam Gold', unitPrice: 450, quantity: 1 }

describe('cart', () => {
  it('adds a new item', () => {
    expect(addToCart([], assam)).toEqual([assam])
  })

  it('merges quantities of the same product', () => {
    expect(addToCart([assam], { ...assam, quantity: 2 })[0].quantity).toBe(3)
  })

  it('removes an item', () => {
    expect(removeFromCart([assam], 'p1')).toEqual([])
  })
})
