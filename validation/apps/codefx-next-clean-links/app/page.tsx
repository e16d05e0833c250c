import { prisma } from "@/lib/db"
import { LinkList } from "@/components/link-list"
import { NewLinkForm } from "@/components/new-link-form"

export default async function Home() {
  // ok: G2.P3
  const links = await prisma.link.findMany({ where: { status: { not: "deleted" } }, orderBy: { createdAt: "desc" } })
  return (
    <main className="mx-auto max-w-2xl space-y-6 py-10">
      <h1 className="text-3xl font-bold">Links</h1>
      <NewLinkForm />
      <LinkList links={links} />
    </main>
  )
}
