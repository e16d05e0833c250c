import { notFound } from 'next/navigation'
import { prisma } from '@/lib/db'
import { formatPrice } from '@/lib/pricing'
import AddToCartButton from '@/components/AddToCartButton'

export default async function ProductPage({ params }: { params: { id: string } }) {
  const product = await prisma.product.findUnique({ where: { slug: params.id } })
  if (!product) notFound()
  return (
    <article className="grid gap-8 md:grid-cols-2">
      {product.imageUrl && <img src={product.imageUrl} alt={product.name} className="rounded-xl" />}
      <div>
        <h1 className="text-3xl font-semibold">{product.name}</h1>
        <p className="mt-2 text-xl text-amber-700">{formatPrice(product.price)}</p>
        <p className="mt-4 leading-relaxed text-stone-600">{product.description}</p>
        <p className="mt-4 text-sm text-stone-500">{product.stock > 0 ? `${product.stock} in stock` : 'Out of stock'}</p>
        <AddToCartButton product={{ productId: product.id, name: product.name, unitPrice: product.price }} disabled={product.stock === 0} />
      </div>
    </article>
  )
}
