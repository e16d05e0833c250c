import { prisma } from '@/lib/prisma';
import BookingForm from '@/components/BookingForm';

export const dynamic = 'force-dynamic';

export default async function BookingsPage() {
  const [rooms, bookings] = await Promise.all([
    prisma.room.findMany({ orderBy: { name: 'asc' } }),
    prisma.booking.findMany({ where: { endsAt: { gte: new Date() } }, include: { room: true }, orderBy: { startsAt: 'asc' } }),
  ]);
  return (
    <main className="mx-auto max-w-3xl p-8 space-y-6">
      <h1 className="text-2xl font-semibold">Bookings</h1>
      <BookingForm rooms={rooms.map((r) => ({ id: r.id, name: r.name }))} />
      <ul className="divide-y">
        {bookings.map((b) => (
          <li key={b.id} className="py-2">{b.room.name} · {b.startsAt.toLocaleString()} – {b.endsAt.toLocaleTimeString()}</li>
        ))}
      </ul>
    </main>
  );
}
