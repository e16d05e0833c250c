"use client"

import { useState } from "react"
import { Button } from "@/components/ui/button"
import { createLink } from "@/app/actions"

export function NewLinkForm() {
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      action={async (data) => {
        const result = await createLink(data)
        setError(result && "error" in result ? result.error ?? null : null)
      }}
      className="flex gap-2"
    >
      <input name="url" placeholder="https://…" className="flex-1 rounded border px-3 py-2" />
      <input name="title" placeholder="Title" className="w-48 rounded border px-3 py-2" />
      <Button type="submit">Add</Button>
      {error && <p className="text-sm text-red-600">{error}</p>}
    </form>
  )
}
