import Link from "next/link";
import { prisma } from "@/lib/db";
import RoomCard from "@/components/RoomCard";

export const dynamic = "force-dynamic";

export default async function RoomsPage({ searchParams }: { searchParams: { page?: string } }) {
  const page = Math.max(1, Number(searchParams.page ?? 1));
  // ok: G6.D1
  const rooms = await prisma.room.findMany({ orderBy: { name: "asc" }, take: 12, skip: (page - 1) * 12 });
  const amenities = await prisma.amenity.findMany({ orderBy: { label: "asc" } });

  if (rooms.length === 0) {
    return <p className="p-10 text-center text-neutral-500">No rooms have been added yet.</p>;
  }

  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="mb-6 text-2xl font-semibold">Rooms</h1>
      <div className="grid gap-6 md:grid-cols-3">
        {rooms.map((room) => (
          <RoomCard key={room.id} room={room} amenities={amenities} />
        ))}
      </div>
      <div className="mt-8 flex justify-between">
        {page > 1 && <Link href={`/rooms?page=${page - 1}`}>Previous</Link>}
        {rooms.length === 12 && <Link href={`/rooms?page=${page + 1}`}>Next</Link>}
      </div>
    </main>
  );
}
