import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/auth";

const PAGE_SIZE = 20;

export async function GET(req: Request) {
  const url = new URL(req.url);
  const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
  const rooms = await prisma.room.findMany({
    orderBy: { name: "asc" },
    take: PAGE_SIZE,
    skip: (page - 1) * PAGE_SIZE,
  });
  return NextResponse.json({ rooms, page });
}

const RoomInput = z.object({ name: z.string().min(1), capacity: z.number().int().positive(), photoUrl: z.string().url().optional(), amenities: z.array(z.string()).default([]) });

export async function POST(req: Request) {
  await requireAdmin();
  const data = RoomInput.parse(await req.json());
  const room = await prisma.room.create({ data });
  return NextResponse.json(room, { status: 201 });
}
