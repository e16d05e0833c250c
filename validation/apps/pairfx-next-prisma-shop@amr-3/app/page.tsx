import { prisma } from '@/lib/db'
import ProductCard from '@/components/ui/ProductCard'

export const revalidate = 60

export default async function HomePage() {
  const products = await prisma.product.findMany({ orderBy: { name: 'asc' } })
  return (
    <section>
      <h1 className="text-3xl font-semibold">Our teas</h1>
      <div className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </div>
    </section>
  )
}
