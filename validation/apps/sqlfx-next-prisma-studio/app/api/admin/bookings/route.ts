import { NextResponse } from 'next/server'
import { prisma } from '@/lib/db'

export async function GET() {
  // expect: G4.P5
  const bookings = await prisma.booking.findMany({ orderBy: { createdAt: 'desc' } })
  const rows = []
  for (const booking of bookings) {
    // expect: G4.P5
    const user = await prisma.user.findUnique({ where: { id: booking.userId } })
    rows.push({ ...booking, email: user?.email })
  }
  return NextResponse.json(rows)
}
