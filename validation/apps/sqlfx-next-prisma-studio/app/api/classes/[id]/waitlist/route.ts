import { NextResponse } from 'next/server'
import { getServerSession } from 'next-auth'
import { prisma } from '@/lib/db'

export async function POST(_req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession()
  if (!session?.user?.email) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const user = await prisma.user.findUniqueOrThrow({ where: { email: session.user.email } })

  const already = await prisma.waitlistEntry.findFirst({ where: { sessionId: params.id, userId: user.id } })
  if (already) return NextResponse.json(already)
  // expect: G4.P4
  const entry = await prisma.waitlistEntry.create({ data: { sessionId: params.id, userId: user.id } })
  return NextResponse.json(entry, { status: 201 })
}

export async function DELETE(_req: Request, { params }: { params: { id: string } }) {
  const session = await getServerSession()
  if (!session?.user?.email) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const user = await prisma.user.findUniqueOrThrow({ where: { email: session.user.email } })
  await prisma.$transaction(async (tx) => {
    await tx.waitlistEntry.deleteMany({ where: { sessionId: params.id, userId: user.id } })
    // ok: G4.P4
    await tx.classSession.updateMany({ where: { id: params.id }, data: { spotsLeft: { increment: 1 } } })
  })
  return new NextResponse(null, { status: 204 })
}
