import { db } from "@/lib/db";
import { rooms } from "@/lib/schema";
import { BookingForm } from "@/components/booking-form";

export default async function RoomsPage() {
  // ok: G1.D1
  const all = await db.select().from(rooms).orderBy(rooms.name);
  return (
    <div className="grid gap-4 p-6 md:grid-cols-3">
      {all.map((room) => (
        <div key={room.id} className="rounded-xl border p-4">
          <h3 className="font-semibold">{room.name}</h3>
          <p className="text-sm text-muted-foreground">{room.city} · {room.capacity} seats · ${(room.hourlyRateCents / 100).toFixed(2)}/h</p>
          <BookingForm roomId={room.id} />
        </div>
      ))}
    </div>
  );
}
