const express = require('express')
const db = require('../db')

const router = express.Router()

// Checkout a single book
router.post('/checkout', async (req, res) => {
  const { bookId, qty } = req.body
  const book = await db('books').where({ id: bookId }).first()
  if (!book) return res.status(404).json({ error: 'Book not found' })
  if (book.stock < qty) return res.status(409).json({ error: 'Out of stock' })

  await db('books')
    .where({ id: bookId })
    // expect: G4.P4
    .update({ stock: book.stock - qty })

  const customer = await db('customers').where('id', req.user.id).first()
  const earned = Math.floor((book.price_cents * qty) / 100)
  // expect: G4.P4
  await db('customers').where('id', req.user.id).update('points', customer.points + earned)

  res.json({ ok: true, earned })
})

// Redeem a gift card against an order
router.post('/gift-cards/redeem', async (req, res) => {
  const { code, amount } = req.body
  await db.transaction(async (trx) => {
    const card = await trx('gift_cards').where({ code }).first()
    if (!card || card.balance_cents < amount) throw new Error('Insufficient balance')
    const remaining = card.balance_cents - amount
    // expect: G4.P4
    await trx('gift_cards').where({ id: card.id }).update({ balance_cents: remaining })
  })
  res.json({ ok: true })
})

// Apply a coupon (counts uses)
router.post('/coupons/apply', async (req, res) => {
  const trx = await db.transaction()
  try {
    const coupon = await trx('coupons').where({ code: req.body.code }).first()
    if (!coupon || coupon.uses >= coupon.max_uses) {
      await trx.rollback()
      return res.status(400).json({ error: 'Coupon not valid' })
    }
    // expect: G4.P4
    await trx('coupons').where({ id: coupon.id }).update({ uses: coupon.uses + 1 })
    await trx.commit()
    res.json({ ok: true })
  } catch (err) {
    await trx.rollback()
    res.status(500).json({ error: 'Could not apply coupon' })
  }
})

// Bulk checkout with the stock guarded atomically
router.post('/checkout/cart', async (req, res) => {
  const items = req.body.items || []
  await db.transaction(async (trx) => {
    for (const item of items) {
      // ok: G4.P4, G4.P5
      const updated = await trx('books').where({ id: item.bookId }).where('stock', '>=', item.qty).decrement('stock', item.qty)
      if (updated === 0) throw new Error(`Book ${item.bookId} is out of stock`)
    }
    // ok: G4.P4
    await trx('customers').where({ id: req.user.id }).increment('points', items.length * 10)
  })
  res.json({ ok: true })
})

// Refund: the wallet row is locked before it is changed
router.post('/:id/refund', async (req, res) => {
  await db.transaction(async (trx) => {
    const customer = await trx('customers').where({ id: req.user.id }).forUpdate().first()
    const order = await trx('orders').where({ id: req.params.id, customer_id: req.user.id }).first()
    // ok: G4.P4
    await trx('customers').where({ id: customer.id }).update({ points: customer.points - Math.floor(order.total_cents / 100) })
    // ok: G4.P4
    await trx('orders').where({ id: order.id }).update({ status: 'refunded' })
  })
  res.json({ ok: true })
})

// Return a book to stock with the arithmetic done by Postgres
router.post('/:id/return', async (req, res) => {
  const qty = Number(req.body.qty) || 1
  // ok: G4.P4
  await db('books').where({ id: req.body.bookId }).update({ stock: db.raw('stock + ?', [qty]) })
  res.json({ ok: true })
})

// Order history: last 20 orders with their items
router.get('/', async (req, res) => {
  const orders = await db('orders').where({ customer_id: req.user.id }).orderBy('created_at', 'desc').limit(20)
  for (const order of orders) {
    // expect: G4.P5
    order.items = await db('order_items').where({ order_id: order.id })
  }
  res.json(orders)
})

// Order history, batched: one query for all items
router.get('/batched', async (req, res) => {
  const orders = await db('orders').where({ customer_id: req.user.id }).orderBy('created_at', 'desc').limit(20)
  // ok: G4.P5
  const items = await db('order_items').whereIn('order_id', orders.map((o) => o.id))
  res.json(orders.map((o) => ({ ...o, items: items.filter((i) => i.order_id === o.id) })))
})

module.exports = router
