'use client'

import { useEffect, useState } from 'react'

type Theme = 'light' | 'dark' | 'system'

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
}

export default function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system')

  useEffect(() => {
    const saved = (localStorage.getItem('theme') as Theme | null) ?? 'system'
    setTheme(saved)
    apply(saved)
  }, [])

  async function choose(next: Theme) {
    setTheme(next)
    localStorage.setItem('theme', next)
    apply(next)
    await fetch('/api/preferences', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ theme: next }) })
  }

  return (
    <select value={theme} onChange={(e) => choose(e.target.value as Theme)} aria-label="Theme" className="rounded-lg border bg-transparent px-2 py-1 text-sm">
      <option value="system">System</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  )
}
