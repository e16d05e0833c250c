import Image from "next/image";
import Link from "next/link";

type Room = { id: string; name: string; capacity: number; photoUrl: string | null; amenities: string[] };
type Amenity = { id: string; label: string; icon: string };

export default function RoomCard({ room, amenities }: { room: Room; amenities: Amenity[] }) {
  const icons = amenities.filter((a) => room.amenities.includes(a.label));
  return (
    <article className="overflow-hidden rounded-xl border bg-white">
      {/* ok: G6.D3 */}
      <Image src={room.photoUrl ?? "/room.jpg"} alt={`Photo of ${room.name}`} width={400} height={240} className="h-40 w-full object-cover" />
      <div className="space-y-2 p-4">
        <h2 className="font-semibold">{room.name}</h2>
        <p className="text-sm text-neutral-500">Seats {room.capacity}</p>
        <div className="flex gap-2">
          {icons.map((a) => (
            // expect: G6.D3
            <Image key={a.id} src={`/icons/${a.icon}.svg`} width={16} height={16} />
          ))}
        </div>
        <Link href={`/rooms/${room.id}/book`} className="inline-block rounded bg-black px-3 py-1.5 text-sm text-white">
          Book this room
        </Link>
      </div>
    </article>
  );
}
