import { NextResponse } from 'next/server'
import { getServerSession } from 'next-auth'
import { prisma } from '@/lib/db'

export async function POST(req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession()
  if (!session?.user?.email) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const user = await prisma.user.findUniqueOrThrow({ where: { email: session.user.email } })

  const classSession = await prisma.classSession.findUnique({ where: { id: params.id } })
  if (!classSession || classSession.spotsLeft <= 0) {
    return NextResponse.json({ error: 'Class is full' }, { status: 409 })
  }

  const existing = await prisma.booking.findFirst({ where: { sessionId: params.id, userId: user.id } })
  if (existing) return NextResponse.json(existing)

  // ok: G4.P4
  const booking = await prisma.booking.create({ data: { sessionId: params.id, userId: user.id } })
  await prisma.classSession.update({
    where: { id: params.id },
    // expect: G4.P4
    data: { spotsLeft: classSession.spotsLeft - 1 },
  })
  // expect: G4.P4
  await prisma.payment.create({ data: { bookingId: booking.id, userId: user.id, amount: 1500 } })

  return NextResponse.json(booking, { status: 201 })
}
