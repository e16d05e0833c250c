"use client"

// ok: G2.P3
import type { LinkItem } from "./link-list"
import { Button } from "@/components/ui/button"
import { archiveLink } from "@/app/actions"
import { statusBadge } from "@/lib/status"

export function LinkCard({ link }: { link: LinkItem }) {
  return (
    <li className="flex items-center justify-between rounded border p-3">
      <a href={link.url} className="font-medium underline-offset-4 hover:underline">{link.title}</a>
      <span className="text-xs">{statusBadge(link.status)} · {link.clicks} clicks</span>
      <Button variant="ghost" size="sm" onClick={() => archiveLink(link.id)}>Archive</Button>
    </li>
  )
}
