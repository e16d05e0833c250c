import Link from 'next/link'
import type { Product } from '@prisma/client'
import { formatPrice } from '@/lib/pricing'

export default function ProductCard({ product }: { product: Product }) {
  return (
    <Link href={`/products/${product.slug}`} className="block rounded-xl border bg-white p-4 shadow-sm hover:shadow-md">
      {product.imageUrl && <img src={product.imageUrl} alt={product.name} className="h-48 w-full rounded-lg object-cover" />}
      <h2 className="mt-3 font-medium">{product.name}</h2>
      <p className="text-sm text-stone-500">{product.description.slice(0, 80)}…</p>
      <p className="mt-2 font-semibold text-amber-700">{formatPrice(product.price)}</p>
    </Link>
  )
}
