const express = require('express');
const db = require('../db');
const { validateComment } = require('../lib/validate');

const router = express.Router({ mergeParams: true });

async function ownTask(req) {
  return db('tasks').where({ id: req.params.taskId, owner_id: req.session.userId }).first();
}

router.get('/', async (req, res, next) => {
  try {
    if (!(await ownTask(req))) return res.status(404).json({ error: 'Task not found' });
    const comments = await db('task_comments')
      .join('users', 'users.id', 'task_comments.author_id')
      .where({ task_id: req.params.taskId })
      .select('task_comments.id', 'task_comments.body', 'task_comments.created_at', 'users.name as author')
      .orderBy('task_comments.created_at', 'asc');
    res.json(comments);
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    const errors = validateComment(req.body);
    if (errors.length) return res.status(400).json({ errors });
    if (!(await ownTask(req))) return res.status(404).json({ error: 'Task not found' });
    const [comment] = await db('task_comments')
      .insert({ task_id: req.params.taskId, author_id: req.session.userId, body: req.body.body.trim() })
      .returning('*');
    res.status(201).json(comment);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
