const request = require('supertest');
const app = require('../server/app');
const db = require('../server/db');

beforeAll(() => db.migrate.latest());
afterEach(() => db('users').del());
afterAll(() => db.destroy());

describe('auth', () => {
  it('signs up a new user', async () => {
    const res = await request(app).post('/api/auth/signup').send({ email: 'asha@example.com', password: 'correct-horse' });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe('asha@example.com');
  });

  it('rejects a short password', async () => {
    const res = await request(app).post('/api/auth/signup').send({ email: 'asha@example.com', password: 'short' });
    expect(res.status).toBe(400);
  });

  it('refuses a wrong password', async () => {
    await request(app).post('/api/auth/signup').send({ email: 'ravi@example.com', password: 'correct-horse' });
    const res = await request(app).post('/api/auth/login').send({ email: 'ravi@example.com', password: 'wrong-horse' });
    expect(res.status).toBe(401);
  });
});
