import Link from "next/link";

// ok: G1.D1, G1.D2
const navItems = [
  { href: "/rooms", label: "Rooms" },
  { href: "/bookings", label: "My bookings" },
  { href: "/analytics", label: "Analytics" },
];

const jsonLd = { "@context": "https://schema.org", "@type": "Organization", name: "RoomHop", url: "https://roomhop.app" };

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      {/* ok: G4.P3 */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd) }} />
      <nav className="w-56 border-r p-4">
        {navItems.map((i) => <Link key={i.href} href={i.href} className="block py-1">{i.label}</Link>)}
      </nav>
      <main className="flex-1">{children}</main>
    </div>
  );
}
