const express = require('express');
const db = require('../db');
const { validateTask } = require('../lib/validate');

const router = express.Router();

router.get('/', async (req, res, next) => {
  try {
    const tasks = await db('tasks')
      .where({ owner_id: req.session.userId })
      .orderBy([{ column: 'status' }, { column: 'due_date', order: 'asc' }]);
    res.json(tasks);
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    const errors = validateTask(req.body);
    if (errors.length) return res.status(400).json({ errors });
    const [task] = await db('tasks')
      .insert({
        owner_id: req.session.userId,
        title: req.body.title.trim(),
        notes: req.body.notes || null,
        due_date: req.body.due_date || null,
      })
      .returning('*');
    res.status(201).json(task);
  } catch (err) {
    next(err);
  }
});

router.patch('/:id', async (req, res, next) => {
  try {
    const errors = validateTask({ title: 'x', ...req.body });
    if (errors.length) return res.status(400).json({ errors });
    const fields = {};
    for (const key of ['title', 'notes', 'status', 'due_date']) {
      if (req.body[key] !== undefined) fields[key] = req.body[key];
    }
    const [task] = await db('tasks')
      .where({ id: req.params.id, owner_id: req.session.userId })
      .update({ ...fields, updated_at: db.fn.now() })
      .returning('*');
    if (!task) return res.status(404).json({ error: 'Task not found' });
    res.json(task);
  } catch (err) {
    next(err);
  }
});

router.delete('/:id', async (req, res, next) => {
  try {
    const count = await db('tasks').where({ id: req.params.id, owner_id: req.session.userId }).del();
    if (!count) return res.status(404).json({ error: 'Task not found' });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
