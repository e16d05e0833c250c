const express = require('express');
const bcrypt = require('bcryptjs');
const db = require('../db');
const { validateCredentials } = require('../lib/validate');

const router = express.Router();

router.post('/signup', async (req, res, next) => {
  try {
    const errors = validateCredentials(req.body);
    if (errors.length) return res.status(400).json({ errors });
    const hash = await bcrypt.hash(req.body.password, 12);
    const [user] = await db('users')
      .insert({ email: req.body.email.toLowerCase(), password_hash: hash, name: req.body.name })
      .returning(['id', 'email', 'name']);
    req.session.userId = user.id;
    res.status(201).json(user);
  } catch (err) {
    if (err.code === '23505') return res.status(409).json({ error: 'Email already registered' });
    next(err);
  }
});

router.post('/login', async (req, res, next) => {
  try {
    const user = await db('users').where({ email: (req.body.email || '').toLowerCase() }).first();
    if (!user || !(await bcrypt.compare(req.body.password || '', user.password_hash))) {
      return res.status(401).json({ error: 'Wrong email or password' });
    }
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      res.json({ id: user.id, email: user.email, name: user.name });
    });
  } catch (err) {
    next(err);
  }
});

router.post('/logout', (req, res) => {
  req.session.destroy(() => res.status(204).end());
});

module.exports = router;
