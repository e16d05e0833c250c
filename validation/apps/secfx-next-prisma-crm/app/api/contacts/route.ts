import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

export async function GET(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { searchParams } = new URL(req.url);
  const q = searchParams.get('q') ?? '';
  const sortBy = searchParams.get('sort') ?? 'createdAt';

  if (searchParams.get('mode') === 'fuzzy') {
    // ok: G4.P3
    const rows = await prisma.$queryRaw`SELECT * FROM "Contact" WHERE similarity(name, ${q}) > 0.3 ORDER BY similarity(name, ${q}) DESC`;
    return NextResponse.json(rows);
  }

  // expect: G4.P3
  const contacts = await prisma.$queryRawUnsafe(`SELECT * FROM "Contact" WHERE "ownerId" = '${session.user.id}' ORDER BY "${sortBy}"`);
  return NextResponse.json(contacts);
}

export async function DELETE(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { ids } = await req.json();
  // ok: G4.P3
  await prisma.$executeRawUnsafe('DELETE FROM "Contact" WHERE id = ANY($1::text[]) AND "ownerId" = $2', ids, session.user.id);
  return new NextResponse(null, { status: 204 });
}
