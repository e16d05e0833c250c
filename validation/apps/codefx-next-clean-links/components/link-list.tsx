import { LinkCard } from "./link-card"

export type LinkItem = { id: string; url: string; title: string; status: string; clicks: number }
export type LinkListProps = { links: LinkItem[]; compact?: boolean }

export function LinkList({ links, compact = false }: LinkListProps) {
  if (links.length === 0) return <p className="text-muted-foreground">No links yet.</p>
  return (
    <ul className={compact ? "space-y-1" : "space-y-3"}>
      {links.map((link) => (
        <LinkCard key={link.id} link={link} />
      ))}
    </ul>
  )
}
