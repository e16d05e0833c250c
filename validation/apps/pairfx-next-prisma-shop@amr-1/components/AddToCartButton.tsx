'use client'

import { addToCart, readCart, writeCart } from '@/lib/cart'

type Props = { product: { productId: string; name: string; unitPrice: number }; disabled?: boolean }

export default function AddToCartButton({ product, disabled }: Props) {
  return (
    <button
      disabled={disabled}
      onClick={() => writeCart(addToCart(readCart(), { ...product, quantity: 1 }))}
      className="mt-6 rounded-lg bg-amber-700 px-5 py-2.5 text-white hover:bg-amber-800 disabled:opacity-40"
    >
      Add to cart
    </button>
  )
}
