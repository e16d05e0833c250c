const express = require('express');
const db = require('../db');
const { requireAuth } = require('../middleware/auth');

const router = express.Router();

// ok: G4.P2
router.get('/tasks', requireAuth, async (req, res) => {
  const tasks = await db('tasks').where({ user_id: req.user.id }).orderBy('id');
  res.json(tasks);
});

router.get('/tasks/:id', requireAuth, async (req, res) => {
  // expect: G4.P2
  const task = await db('tasks').where({ id: req.params.id }).first();
  if (!task) return res.status(404).json({ error: 'Not found' });
  res.json(task);
});

router.delete('/tasks/:id', requireAuth, async (req, res) => {
  // ok: G4.P2
  const count = await db('tasks').where({ id: req.params.id, user_id: req.user.id }).del();
  res.status(count ? 204 : 404).end();
});

router.put('/tasks/:id', requireAuth, async (req, res) => {
  // ok: G4.P2
  const task = await db('tasks').where({ id: req.params.id }).first();
  if (!task || task.user_id !== req.user.id) return res.status(404).json({ error: 'Not found' });
  await db('tasks').where({ id: task.id }).update({ title: req.body.title, done: req.body.done });
  res.json({ ...task, ...req.body });
});

// Used by the mobile widget
// expect: G4.P2
router.get('/users/:userId/tasks', async (req, res) => {
  const tasks = await db('tasks').where({ user_id: req.params.userId });
  res.json(tasks);
});

module.exports = router;
