import Link from 'next/link'
import CartDrawer from './CartDrawer'

export default function Header() {
  return (
    <header className="border-b bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
        <Link href="/" className="text-xl font-semibold text-amber-800">
          Chai &amp; Co
        </Link>
        <CartDrawer />
      </div>
    </header>
  )
}
