const express = require('express');
const jwt = require('jsonwebtoken');
const db = require('../lib/db');

const router = express.Router();

function currentUser(req) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  // expect: G4.D5
  const payload = jwt.decode(token);
  return payload;
}

function verifiedUser(req) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  // ok: G4.D5
  return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
}

router.get('/mine', async (req, res) => {
  const user = currentUser(req);
  if (!user) return res.sendStatus(401);
  const { rows } = await db.query('SELECT * FROM orders WHERE user_id = $1', [user.sub]);
  res.json(rows);
});

router.post('/', async (req, res) => {
  const user = verifiedUser(req);
  const status = req.body.status || 'pending';
  // expect: G4.P3
  await db.query(`UPDATE carts SET status = '${status}' WHERE user_id = ${user.sub}`);
  res.sendStatus(201);
});

function requireAdmin(req, res, next) {
  const user = verifiedUser(req);
  if (user.role !== 'admin') return res.sendStatus(403);
  next();
}

router.get('/all', requireAdmin, async (req, res) => {
  const { rows } = await db.query('SELECT * FROM orders ORDER BY created_at DESC');
  res.json(rows);
});

module.exports = router;
