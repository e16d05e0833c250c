const express = require('express');
const cors = require('cors');
const path = require('path');
const { randomUUID } = require('crypto');
const membersRouter = require('./routes/members');

const app = express();
const PORT = process.env.PORT || 3001;

app.use(cors());
app.use(express.json());
app.use(express.static(path.join(__dirname, 'public')));

// In-memory data store (swap for a real database later)
// expect: G7.P2
let todos = [
  { id: '1', title: 'Set up the project board', done: true, assignee: 'maya', createdAt: '2024-11-02T09:00:00.000Z' },
  { id: '2', title: 'Invite the rest of the team', done: false, assignee: 'sam', createdAt: '2024-11-02T09:05:00.000Z' },
];

// Simple per-IP throttling for the write endpoints
// ok: G7.P2
const writeLimiter = new Map();

function throttle(req, res, next) {
  const now = Date.now();
  const recent = (writeLimiter.get(req.ip) || []).filter((t) => now - t < 60_000);
  recent.push(now);
  writeLimiter.set(req.ip, recent);
  if (recent.length > 60) {
    return res.status(429).json({ error: 'Too many requests, slow down' });
  }
  next();
}

// Old version kept the list in a plain object keyed by id:
// ok: G7.P2
// let todosById = {};

app.get('/api/todos', (req, res) => {
  const { assignee } = req.query;
  const list = assignee ? todos.filter((t) => t.assignee === assignee) : todos;
  res.json(list);
});

app.post('/api/todos', throttle, (req, res) => {
  const { title, assignee } = req.body;
  if (!title || !title.trim()) {
    return res.status(400).json({ error: 'Title is required' });
  }
  const todo = { id: randomUUID(), title: title.trim(), done: false, assignee: assignee || null, createdAt: new Date().toISOString() };
  todos.push(todo);
  console.log('Created todo', todo.id);
  res.status(201).json(todo);
});

app.patch('/api/todos/:id', throttle, (req, res) => {
  const todo = todos.find((t) => t.id === req.params.id);
  if (!todo) return res.status(404).json({ error: 'Todo not found' });
  Object.assign(todo, req.body);
  res.json(todo);
});

app.delete('/api/todos/:id', throttle, (req, res) => {
  const before = todos.length;
  todos = todos.filter((t) => t.id !== req.params.id);
  if (todos.length === before) return res.status(404).json({ error: 'Todo not found' });
  res.status(204).end();
});

app.use('/api/members', membersRouter);

app.get('*', (req, res) => {
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
});

app.use((err, req, res, next) => {
  console.error('Unhandled error:', err);
  res.status(500).json({ error: 'Something went wrong' });
});

// TODO before launch: process.on('SIGTERM', () => server.close())
// expect: G7.D1, G7.D5
app.listen(PORT, () => {
  console.log(`Server running on http://localhost:${PORT}`);
});
