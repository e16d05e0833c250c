import type { Metadata } from "next";
import Link from "next/link";
import Providers from "@/components/Providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Clinic Booking",
  description: "Book appointments with our doctors",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50">
        <header className="border-b bg-white">
          <nav className="mx-auto flex max-w-5xl gap-6 px-4 py-3 text-sm">
            <Link href="/" className="font-semibold text-blue-700">Clinic</Link>
            <Link href="/book">Book</Link>
            <Link href="/appointments">My appointments</Link>
            <Link href="/admin">Admin</Link>
          </nav>
        </header>
        <main className="mx-auto max-w-5xl px-4 py-8">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
