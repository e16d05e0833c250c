import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

// Public starter templates shown on the landing page
// ok: G4.P2
export async function GET() {
  const templates = await prisma.template.findMany({ take: 20 });
  return NextResponse.json(templates);
}
