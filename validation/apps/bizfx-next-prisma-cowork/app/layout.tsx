import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = { title: "DeskHub", description: "Book meeting rooms and hot desks" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // ok: G6.D3
    <html lang="en">
      <body className="min-h-screen bg-neutral-50">
        <header className="flex items-center justify-between border-b bg-white px-6 py-3">
          <Link href="/rooms" className="font-semibold">DeskHub</Link>
          <nav className="flex gap-4 text-sm">
            <Link href="/bookings">My bookings</Link>
            <Link href="/account">Account</Link>
          </nav>
        </header>
        {children}
      </body>
    </html>
  );
}
