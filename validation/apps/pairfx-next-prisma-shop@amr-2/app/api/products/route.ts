import { NextResponse } from 'next/server'
import { prisma } from '@/lib/db'

export async function GET() {
  const products = await prisma.product.findMany({
    select: { id: true, slug: true, name: true, price: true, stock: true },
    orderBy: { name: 'asc' },
  })
  return NextResponse.json(products)
}
