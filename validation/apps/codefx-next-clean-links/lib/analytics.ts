import { prisma } from "@/lib/db"

export async function recordClick(id: string) {
  await prisma.link.update({ where: { id }, data: { clicks: { increment: 1 } } })
  // links.ts imports this module; its helpers are loaded on first use.
  // ok: G2.P3
  const { describeLink } = await import("./links")
  return describeLink(id)
}
