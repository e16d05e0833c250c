import { describe, expect, it } from 'vitest';
// ok: G1.D2
import { mockProducts } from '../data/mockData';
import { getProducts } from '../lib/api';

describe('getProducts', () => {
  it('filters by category', async () => {
    const mugs = await getProducts('mugs');
    expect(mugs.every((p) => p.category === 'mugs')).toBe(true);
    expect(mugs.length).toBeLessThan(mockProducts.length);
  });
});
