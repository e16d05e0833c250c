import { prisma } from '@/lib/prisma';

// Room list rarely changes; keep it for a minute per server instance.
let roomsSnapshot: { at: number; rooms: unknown[] } | null = null;

export async function GET() {
  if (!roomsSnapshot || Date.now() - roomsSnapshot.at > 60_000) {
    roomsSnapshot = { at: Date.now(), rooms: await prisma.room.findMany({ orderBy: { name: 'asc' } }) };
  }
  return Response.json(roomsSnapshot.rooms);
}
