const express = require('express')
const db = require('../db')

const router = express.Router()

router.post('/products/:id/sell', async (req, res) => {
  const qty = Number(req.body.qty)
  const product = await db('products').where({ id: req.params.id }).first()
  if (!product || product.stock < qty) return res.status(409).json({ error: 'Not enough stock' })
  // expect: G4.P4
  await db('products').where({ id: req.params.id }).update({ stock: product.stock - qty })
  await db('stock_movements').insert({ product_id: product.id, delta: -qty, reason: 'sale' })
  res.json({ ok: true })
})

router.post('/products/:id/restock', async (req, res) => {
  const qty = Number(req.body.qty)
  await db.transaction(async (trx) => {
    // ok: G4.P4
    await trx('products').where({ id: req.params.id }).increment('stock', qty)
    await trx('stock_movements').insert({ product_id: req.params.id, delta: qty, reason: 'restock' })
  })
  res.json({ ok: true })
})

router.get('/movements', async (_req, res) => {
  // expect: G4.P5
  const rows = await db('stock_movements').select('*').orderBy('created_at', 'desc')
  res.json(rows)
})

router.get('/products/:id/movements', async (req, res) => {
  // ok: G4.P5
  const rows = await db('stock_movements').where({ product_id: req.params.id }).orderBy('created_at', 'desc').limit(100)
  res.json(rows)
})

module.exports = router
