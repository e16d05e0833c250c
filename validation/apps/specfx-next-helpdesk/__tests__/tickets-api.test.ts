import { beforeEach, describe, expect, it, vi } from 'vitest';
// ok: G1.D2
import { ticketFixtures } from './fixtures/tickets';

vi.mock('@/lib/prisma', () => ({
  prisma: { ticket: { findMany: vi.fn(), create: vi.fn() } },
}));

import { prisma } from '@/lib/prisma';
import { GET, POST } from '@/app/api/tickets/route';

describe('/api/tickets', () => {
  beforeEach(() => vi.clearAllMocks());

  it('lists tickets', async () => {
    vi.mocked(prisma.ticket.findMany).mockResolvedValue(ticketFixtures as never);
    const res = await GET(new Request('http://localhost/api/tickets'));
    expect(await res.json()).toHaveLength(3);
  });

  it('rejects an invalid ticket', async () => {
    const res = await POST(new Request('http://localhost/api/tickets', { method: 'POST', body: JSON.stringify({ subject: 'x' }) }));
    expect(res.status).toBe(400);
  });
});
