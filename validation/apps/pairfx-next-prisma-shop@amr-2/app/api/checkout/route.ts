import { NextResponse } from 'next/server'
import { z } from 'zod'
import { prisma } from '@/lib/db'
import { getSessionUser } from '@/lib/session'
import { orderTotal } from '@/lib/pricing'

const Body = z.object({
  items: z.array(z.object({ productId: z.string(), quantity: z.number().int().min(1).max(20) })).min(1),
})

export async function POST(req: Request) {
  const user = await getSessionUser()
  if (!user) return NextResponse.json({ error: 'Please sign in' }, { status: 401 })

  const parsed = Body.safeParse(await req.json())
  if (!parsed.success) return NextResponse.json({ error: 'Invalid cart' }, { status: 400 })

  const products = await prisma.product.findMany({ where: { id: { in: parsed.data.items.map((i) => i.productId) } } })
  const lines = parsed.data.items.map((i) => {
    const p = products.find((x) => x.id === i.productId)
    if (!p || p.stock < i.quantity) throw new Error(`Not enough stock for ${i.productId}`)
    return { productId: p.id, quantity: i.quantity, unitPrice: p.price, unitPricePaise: p.price }
  })

  const order = await prisma.order.create({
    data: { userId: user.id, total: orderTotal(lines), items: { create: lines.map(({ unitPrice, ...l }) => l) } },
  })
  return NextResponse.json({ id: order.id }, { status: 201 })
}
