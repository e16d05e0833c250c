const request = require('supertest');
const app = require('../server/app');
const db = require('../server/db');
const { validateTask } = require('../server/lib/validate');

let agent;

beforeAll(async () => {
  await db.migrate.latest();
  agent = request.agent(app);
  await agent.post('/api/auth/signup').send({ email: 'meera@example.com', password: 'correct-horse' });
});
afterAll(async () => {
  await db('users').del();
  await db.destroy();
});

describe('tasks', () => {
  it('requires a title', () => {
    expect(validateTask({ title: '  ' })).toContain('title is required');
  });

  it('creates and lists a task', async () => {
    const created = await agent.post('/api/tasks').send({ title: 'Book venue', due_date: '2024-03-01' });
    expect(created.status).toBe(201);
    const list = await agent.get('/api/tasks');
    expect(list.body.map((t) => t.title)).toContain('Book venue');
  });

  it('hides other users’ tasks', async () => {
    const other = request.agent(app);
    await other.post('/api/auth/signup').send({ email: 'dev@example.com', password: 'correct-horse' });
    const list = await other.get('/api/tasks');
    expect(list.body).toEqual([]);
  });

  it('marks a task done', async () => {
    const created = await agent.post('/api/tasks').send({ title: 'Send invites' });
    const res = await agent.patch(`/api/tasks/${created.body.id}`).send({ status: 'done' });
    expect(res.body.status).toBe('done');
  });
});
