'use client'

import { useEffect, useState } from 'react'
import { useRouter } from 'next/navigation'
import { readCart, writeCart, type CartItem } from '@/lib/cart'
import { formatPrice, orderTotal, shipping, subtotal } from '@/lib/pricing'
import { normalizeCode } from '@/lib/discount'

export default function CheckoutPage() {
  const router = useRouter()
  const [items, setItems] = useState<CartItem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [placing, setPlacing] = useState(false)
  const [code, setCode] = useState('')

  useEffect(() => setItems(readCart()), [])

  async function placeOrder() {
    setPlacing(true)
    setError(null)
    const res = await fetch('/api/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        items: items.map(({ productId, quantity }) => ({ productId, quantity })),
        code: code ? normalizeCode(code) : undefined,
      }),
    })
    setPlacing(false)
    if (!res.ok) {
      setError((await res.json()).error ?? 'Could not place the order')
      return
    }
    writeCart([])
    router.push('/?ordered=1')
  }

  const sub = subtotal(items)
  return (
    <section className="max-w-lg">
      <h1 className="text-2xl font-semibold">Checkout</h1>
      <dl className="mt-6 space-y-1 text-sm">
        <div className="flex justify-between"><dt>Subtotal</dt><dd>{formatPrice(sub)}</dd></div>
        <div className="flex justify-between"><dt>Shipping</dt><dd>{formatPrice(shipping(sub))}</dd></div>
        <div className="flex justify-between font-semibold"><dt>Total (incl. GST)</dt><dd>{formatPrice(orderTotal(items))}</dd></div>
      </dl>
      <label className="mt-6 block text-sm">
        Discount code
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="e.g. DIWALI10" className="mt-1 w-full rounded-lg border px-3 py-2 uppercase" />
      </label>
      {error && <p className="mt-4 text-sm text-red-600">{error}</p>}
      <button onClick={placeOrder} disabled={placing || items.length === 0} className="mt-6 w-full rounded-lg bg-amber-700 py-2.5 text-white disabled:opacity-40">
        {placing ? 'Placing order…' : 'Place order'}
      </button>
    </section>
  )
}
