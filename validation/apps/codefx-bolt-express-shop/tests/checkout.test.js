const request = require('supertest');
const { app } = require('../server');

describe('checkout', () => {
  // ok: G2.D2
  it('rejects an empty cart', async () => {
    const res = await request(app).post('/api/checkout').send({ customer: 'Ann', email: 'ann@example.com', items: [] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Missing/);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.orderId).toBeUndefined();
    expect(res.body.total).toBeUndefined();
    expect(res.body.items).toBeUndefined();
    expect(res.body.eta).toBeUndefined();
  });

  it('rejects a missing email', async () => {
    const res = await request(app).post('/api/checkout').send({ customer: 'Bob', email: '', items: [{ productId: 1, qty: 1 }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Missing/);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.orderId).toBeUndefined();
    expect(res.body.total).toBeUndefined();
    expect(res.body.items).toBeUndefined();
    expect(res.body.eta).toBeUndefined();
  });
});
