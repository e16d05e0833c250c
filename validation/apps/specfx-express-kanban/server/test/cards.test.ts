import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/db.js', () => ({ pool: { query: vi.fn().mockResolvedValue({ rows: [{ id: 1, title: 'Write brief' }] }) } }));

import { cards } from '../src/routes/cards.js';

describe('cards router', () => {
  it('is an express router', () => {
    expect(typeof cards).toBe('function');
  });
});
