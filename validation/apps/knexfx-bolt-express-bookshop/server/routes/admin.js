const express = require('express')
const db = require('../db')

const router = express.Router()

router.get('/orders', async (_req, res) => {
  // expect: G4.P5
  const orders = await db('orders').select('*').orderBy('created_at', 'desc')
  res.json(orders)
})

router.get('/customers', async (_req, res) => {
  // expect: G4.P5
  const customers = await db('customers')
  res.json(customers)
})

router.get('/reviews', async (req, res) => {
  const page = Math.max(1, Number(req.query.page) || 1)
  // ok: G4.P5
  const reviews = await db('reviews').orderBy('id', 'desc').limit(50).offset((page - 1) * 50)
  res.json({ reviews, page })
})

module.exports = router
