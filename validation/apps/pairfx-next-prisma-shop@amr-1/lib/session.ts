import { cookies } from 'next/headers'
import { prisma } from '@/lib/db'

export async function getSessionUser() {
  const id = cookies().get('uid')?.value
  if (!id) return null
  return prisma.user.findUnique({ where: { id } })
}
