import type { Metadata } from "next";
import Link from "next/link";
import Providers from "@/components/Providers";
import NotificationBell from "@/components/NotificationBell";

export const metadata: Metadata = { title: "Helpdesk", description: "Customer support tickets" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // ok: G6.D3
    <html lang="en">
      <body>
        <Providers>
          <header className="flex items-center justify-between border-b px-6 py-3">
            <Link href="/tickets" className="font-semibold">
              {/* ok: G6.D3 */}
              <img src="/logo.svg" alt="" width={20} height={20} className="mr-2 inline" />
              Helpdesk
            </Link>
            <NotificationBell />
          </header>
          {children}
        </Providers>
      </body>
    </html>
  );
}
