import { prisma } from "@/lib/db"
import { recordClick } from "./analytics"

export async function describeLink(id: string): Promise<string> {
  const link = await prisma.link.findUnique({ where: { id } })
  return link ? `${link.title} (${link.clicks} clicks)` : "unknown link"
}

export async function visit(id: string): Promise<string | null> {
  await recordClick(id)
  const link = await prisma.link.findUnique({ where: { id } })
  return link?.url ?? null
}
