import { prisma } from '@/lib/prisma';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok', db: 'up' });
  } catch (err) {
    logger.error({ err }, 'health check failed');
    return Response.json({ status: 'degraded', db: 'down' }, { status: 503 });
  }
}
