const express = require('express');
const db = require('../lib/db');

const router = express.Router();

router.get('/', async (req, res) => {
  const { category, sort } = req.query;
  if (category) {
    // ok: G4.P3
    const { rows } = await db.query('SELECT * FROM products WHERE category = $1 ORDER BY name', [category]);
    return res.json(rows);
  }
  // ok: G4.P3
  const { rows } = await db.query('SELECT * FROM products ORDER BY created_at DESC LIMIT 50');
  res.json(rows);
});

router.get('/search', async (req, res) => {
  const term = req.query.q || '';
  // expect: G4.P3
  const { rows } = await db.query(`SELECT id, name, price FROM products WHERE name ILIKE '%${term}%'`);
  res.json(rows);
});

router.get('/:id', async (req, res) => {
  // expect: G4.P3
  const result = await db.query("SELECT * FROM products WHERE id = " + req.params.id);
  if (!result.rows.length) return res.status(404).json({ error: 'Not found' });
  res.json(result.rows[0]);
});

router.get('/:id/reviews', async (req, res) => {
  // ok: G4.P3
  const result = await db.query('SELECT * FROM reviews WHERE product_id = $1 AND rating >= $2', [req.params.id, req.query.min || 1]);
  res.json(result.rows);
});

module.exports = router;
