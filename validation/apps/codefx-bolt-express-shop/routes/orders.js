const express = require('express');
const db = require('../db');
// expect: G2.P3
const { mailer } = require('../server');

const router = express.Router();

router.get('/', (req, res) => {
  // ok: G2.P3
  const orders = db.prepare('SELECT * FROM orders ORDER BY created_at DESC LIMIT 100').all();
  res.json(orders);
});

router.put('/:id', (req, res) => {
  const orderId = Number(req.params.id);
  const order = db.prepare('SELECT * FROM orders WHERE id = ?').get(orderId);
  if (!order) {
    return res.status(404).json({ error: 'Order not found' });
  }
  const next = { ...order, ...req.body };
  try {
    db.prepare('UPDATE orders SET customer = ?, email = ?, status = ?, country = ? WHERE id = ?').run(
      next.customer,
      next.email,
      next.status,
      next.country,
      orderId
    );
    res.json(next);
  } catch (error) {
    console.error('Failed to update order', error);
    res.status(500).json({ error: 'Failed to update order' });
  }
});

router.post('/:id/ship', async (req, res) => {
  const order = db.prepare('SELECT * FROM orders WHERE id = ?').get(Number(req.params.id));
  if (!order) return res.status(404).json({ error: 'Order not found' });
  db.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").run(order.id);
  await mailer.send(order.email, `Order #${order.id} shipped`, 'Your parcel is on its way.');
  res.json({ ...order, status: 'shipped' });
});

module.exports = router;
