import Link from 'next/link'
import CartDrawer from './CartDrawer'
import ThemeToggle from './ThemeToggle'

export default function Header() {
  return (
    <header className="border-b bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
        <Link href="/" className="text-xl font-semibold text-amber-800">
          Chai &amp; Co
        </Link>
        <div className="flex items-center gap-3">
          <ThemeToggle />
          <CartDrawer />
        </div>
      </div>
    </header>
  )
}
