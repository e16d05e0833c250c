const request = require('supertest');
const app = require('../server/app');
const db = require('../server/db');
const { validateComment } = require('../server/lib/validate');

let agent;
let taskId;

beforeAll(async () => {
  await db.migrate.latest();
  agent = request.agent(app);
  await agent.post('/api/auth/signup').send({ email: 'kiran@example.com', password: 'correct-horse', name: 'Kiran' });
  taskId = (await agent.post('/api/tasks').send({ title: 'Print posters' })).body.id;
});
afterAll(async () => {
  await db('users').del();
  await db.destroy();
});

describe('task comments', () => {
  it('rejects an empty comment', () => {
    expect(validateComment({ body: '   ' })).toContain('comment is empty');
  });

  // ok: G5.D4
  // These hit a real Postgres in CI, so nothing here is parked with it.skip() or xit().
  it('adds a comment and lists it with its author', async () => {
    const created = await agent.post(`/api/tasks/${taskId}/comments`).send({ body: 'Printer is booked for Friday' });
    expect(created.status).toBe(201);
    const list = await agent.get(`/api/tasks/${taskId}/comments`);
    expect(list.body).toEqual([expect.objectContaining({ body: 'Printer is booked for Friday', author: 'Kiran' })]);
  });

  it('does not let another user comment on the task', async () => {
    const other = request.agent(app);
    await other.post('/api/auth/signup').send({ email: 'sam@example.com', password: 'correct-horse' });
    const res = await other.post(`/api/tasks/${taskId}/comments`).send({ body: 'hi' });
    expect(res.status).toBe(404);
  });
});
