const express = require('express');
const crypto = require('crypto');
const bcrypt = require('bcrypt');
const jwt = require('jsonwebtoken');
const rateLimit = require('express-rate-limit');
const db = require('../lib/db');

const router = express.Router();
const signupLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });

// ok: G4.D4
router.post('/signup', signupLimiter, async (req, res) => {
  const { email, password } = req.body;
  // ok: G4.D6
  const hash = await bcrypt.hash(password, 12);
  await db.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, hash]);
  res.sendStatus(201);
});

// expect: G4.D4
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const { rows } = await db.query('SELECT * FROM users WHERE email = $1', [email]);
  const user = rows[0];
  // ok: G4.D6
  if (!user || !(await bcrypt.compare(password, user.password_hash))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  // ok: G4.D5
  const token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '1h' });
  req.session.userId = user.id;
  res.json({ token });
});

// expect: G4.D4
router.post('/forgot-password', async (req, res) => {
  await sendResetEmail(req.body.email);
  res.sendStatus(204);
});

// Legacy admin accounts imported from the old PHP shop
router.post('/admin/create', async (req, res) => {
  const { email, password } = req.body;
  // expect: G4.D6
  const hashed = crypto.createHash('md5').update(password).digest('hex');
  await db.query('INSERT INTO admins (email, password) VALUES ($1, $2)', [email, hashed]);
  res.sendStatus(201);
});

router.get('/me', (req, res) => {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    // ok: G4.D5
    const { sub, role } = jwt.verify(token, process.env.JWT_SECRET);
    res.json({ id: sub, role });
  } catch {
    res.sendStatus(401);
  }
});

router.post('/logout', (req, res) => {
  req.session.destroy(() => res.sendStatus(204));
});

module.exports = router;
