import { NextResponse } from 'next/server'
import { getServerSession } from 'next-auth'
import { prisma } from '@/lib/db'

export async function GET() {
  const session = await getServerSession()
  if (!session?.user?.email) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  // ok: G4.P5
  const bookings = await prisma.booking.findMany({
    where: { user: { email: session.user.email } },
    include: { session: { include: { studio: true } }, payment: true },
    orderBy: { createdAt: 'desc' },
    take: 50,
  })
  return NextResponse.json(bookings)
}

export async function POST(req: Request) {
  const session = await getServerSession()
  if (!session?.user?.email) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const { sessionId } = await req.json()
  const user = await prisma.user.findUniqueOrThrow({ where: { email: session.user.email } })
  const booking = await prisma.$transaction(async (tx) => {
    const b = await tx.booking.create({ data: { sessionId, userId: user.id } })
    // ok: G4.P4
    await tx.payment.create({ data: { bookingId: b.id, userId: user.id, amount: 1500 } })
    return b
  })
  return NextResponse.json(booking, { status: 201 })
}
