import { NextResponse } from 'next/server'
import { z } from 'zod'
import { prisma } from '@/lib/db'
import { getSessionUser } from '@/lib/session'

const Body = z.object({ theme: z.enum(['light', 'dark', 'system']) })

export async function POST(req: Request) {
  const user = await getSessionUser()
  if (!user) return NextResponse.json({ ok: true })
  const parsed = Body.safeParse(await req.json())
  if (!parsed.success) return NextResponse.json({ error: 'Invalid theme' }, { status: 400 })
  await prisma.user.update({ where: { id: user.id }, data: { theme: parsed.data.theme } })
  return NextResponse.json({ ok: true })
}
