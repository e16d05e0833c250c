import Link from 'next/link';

export default function Home() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-bold">DeskBook</h1>
      <p className="mt-2">Reserve a meeting room at the hub in a few clicks.</p>
      <Link href="/bookings" className="mt-6 inline-block underline">See today&apos;s bookings</Link>
    </main>
  );
}
