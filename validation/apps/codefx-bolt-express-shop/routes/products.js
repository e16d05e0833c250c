const express = require('express');
const db = require('../db');

const router = express.Router();

router.get('/', (req, res) => {
  const { category } = req.query;
  const rows = category
    ? db.prepare('SELECT * FROM products WHERE category = ? ORDER BY name').all(category)
    : db.prepare('SELECT * FROM products ORDER BY name').all();
  res.json(rows);
});

router.put('/:id', (req, res) => {
  const id = Number(req.params.id);
  const existing = db.prepare('SELECT * FROM products WHERE id = ?').get(id);
  if (!existing) {
    return res.status(404).json({ error: 'Product not found' });
  }
  const updated = { ...existing, ...req.body };
  try {
    db.prepare('UPDATE products SET name = ?, category = ?, price = ?, stock = ? WHERE id = ?').run(
      updated.name,
      updated.category,
      updated.price,
      updated.stock,
      id
    );
    res.json(updated);
  } catch (err) {
    console.error('Failed to update product', err);
    res.status(500).json({ error: 'Failed to update product' });
  }
});

// Price helpers look alike but do different things.
// ok: G2.D2
function priceWithTax(price, country) {
  const rate = country === 'US' ? 0.0725 : 0.2;
  return Math.round(price * (1 + rate) * 100) / 100;
}

function priceWithDiscount(price, percent) {
  if (percent <= 0) return price;
  const capped = Math.min(percent, 50);
  return Math.round(price * (100 - capped)) / 100;
}

router.post('/:id/restock-alert', async (req, res) => {
  // server.js requires this router at startup, so the mailer is looked up when the request comes in.
  // ok: G2.P3
  const { mailer } = require('../server');
  const product = db.prepare('SELECT name, stock FROM products WHERE id = ?').get(Number(req.params.id));
  if (!product) return res.status(404).json({ error: 'Product not found' });
  await mailer.send(process.env.OWNER_EMAIL || 'owner@example.com', 'Restock', `${product.name}: ${product.stock} left`);
  res.json({ ok: true });
});

router.get('/:id/price', (req, res) => {
  const product = db.prepare('SELECT price FROM products WHERE id = ?').get(Number(req.params.id));
  if (!product) return res.status(404).json({ error: 'Product not found' });
  res.json({ gross: priceWithTax(product.price, req.query.country), sale: priceWithDiscount(product.price, Number(req.query.off || 0)) });
});

module.exports = router;
