const express = require('express');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const db = require('../db');
const router = express.Router();

router.post('/register', async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, 10);
  const { rows } = await db.query('insert into members (email, password_hash) values ($1, $2) returning id, email', [req.body.email, hash]);
  // ok: G3.D4
  const verifyToken = jwt.sign({ id: rows[0].id, purpose: 'verify-email' }, process.env.JWT_SECRET, { expiresIn: '1d' });
  res.json({ ...rows[0], verifyToken });
});

router.post('/login', async (req, res) => {
  const { rows } = await db.query('select * from members where email = $1', [req.body.email]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(req.body.password, user.password_hash))) return res.status(401).json({ error: 'Invalid credentials' });
  // expect: G3.D4
  const token = jwt.sign({ id: user.id, email: user.email }, process.env.JWT_SECRET);
  res.json({ token });
});

module.exports = router;
