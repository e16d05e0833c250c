'use client'

import { useEffect, useState } from 'react'
import Link from 'next/link'
import { readCart, removeFromCart, writeCart, type CartItem } from '@/lib/cart'
import { formatPrice, subtotal } from '@/lib/pricing'

export default function CartDrawer() {
  const [open, setOpen] = useState(false)
  const [items, setItems] = useState<CartItem[]>([])

  useEffect(() => {
    const sync = () => setItems(readCart())
    sync()
    window.addEventListener('cart-changed', sync)
    return () => window.removeEventListener('cart-changed', sync)
  }, [])

  return (
    <div className="relative">
      <button onClick={() => setOpen(!open)} className="rounded-lg border px-3 py-1.5 text-sm">
        Cart ({items.reduce((n, i) => n + i.quantity, 0)})
      </button>
      {open && (
        <div className="absolute right-0 z-10 mt-2 w-80 rounded-xl border bg-white p-4 shadow-lg">
          {items.length === 0 && <p className="text-sm text-stone-500">Your cart is empty.</p>}
          {items.map((i) => (
            <div key={i.productId} className="flex items-center justify-between py-1 text-sm">
              <span>
                {i.name} × {i.quantity}
              </span>
              <button onClick={() => writeCart(removeFromCart(items, i.productId))} className="text-red-600">
                Remove
              </button>
            </div>
          ))}
          <p className="mt-3 border-t pt-3 font-medium">Subtotal {formatPrice(subtotal(items))}</p>
          <Link href="/checkout" className="mt-3 block rounded-lg bg-amber-700 py-2 text-center text-white">
            Checkout
          </Link>
        </div>
      )}
    </div>
  )
}
