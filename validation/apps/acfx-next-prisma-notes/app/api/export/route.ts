import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

// Export every note as JSON for the backup feature
// expect: G4.P2
export async function GET() {
  const notes = await prisma.note.findMany({ include: { user: true } });
  return NextResponse.json(notes);
}
