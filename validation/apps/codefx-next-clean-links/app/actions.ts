"use server"

import { revalidatePath } from "next/cache"
import { z } from "zod"
import { prisma } from "@/lib/db"

const LinkInput = z.object({ url: z.string().url(), title: z.string().min(1).max(120) })

export async function createLink(formData: FormData) {
  const parsed = LinkInput.safeParse({ url: formData.get("url"), title: formData.get("title") })
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid link" }
  // ok: G2.P3
  await prisma.link.create({ data: parsed.data })
  revalidatePath("/")
  return { ok: true }
}

export async function archiveLink(id: string) {
  await prisma.link.update({ where: { id }, data: { status: "archived" } })
  revalidatePath("/")
}
