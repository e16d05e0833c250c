import { NextResponse } from 'next/server'
import { prisma } from '@/lib/db'

export async function GET(req: Request) {
  const page = Number(new URL(req.url).searchParams.get('page') ?? '1')
  // ok: G4.P5
  const classes = await prisma.classSession.findMany({
    where: { startsAt: { gte: new Date() } },
    include: { studio: true },
    orderBy: { startsAt: 'asc' },
    skip: (page - 1) * 20,
    take: 20,
  })
  return NextResponse.json(classes)
}

export async function PATCH(req: Request) {
  const { id, seats } = await req.json()
  // ok: G4.P4
  const updated = await prisma.classSession.updateMany({ where: { id, spotsLeft: { gte: seats } }, data: { spotsLeft: { decrement: seats } } })
  return NextResponse.json({ ok: updated.count === 1 })
}
