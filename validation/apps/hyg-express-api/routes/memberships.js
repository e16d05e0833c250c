const express = require('express')
const Joi = require('joi')
const db = require('../lib/db')
const { auth, requireRole } = require('../middleware/auth')
const { monthlyRevenue } = require('../lib/reports')

const router = express.Router()

router.post('/purchase', auth, async (req, res, next) => {
  try {
    // expect: G2.P2
    const { planId, price } = req.body
    if (!planId || !price) return res.status(400).json({ error: 'planId and price are required' })
    const { rows } = await db.query(
      'insert into payments (user_id, plan_id, amount_cents, status) values ($1, $2, $3, $4) returning id',
      [req.user.id, planId, price, 'pending']
    )
    res.status(201).json({ paymentId: rows[0].id })
  } catch (err) {
    next(err)
  }
})

const renewSchema = Joi.object({ planId: Joi.number().integer().positive().required() })

router.post('/renew', auth, async (req, res, next) => {
  try {
    // ok: G2.P2
    const { error, value } = renewSchema.validate(req.body)
    if (error) return res.status(400).json({ error: error.message })
    const plan = await db.query('select id, price_cents from plans where id = $1 and active', [value.planId])
    if (!plan.rows[0]) return res.status(404).json({ error: 'Unknown plan' })
    const { rows } = await db.query(
      'insert into payments (user_id, plan_id, amount_cents, status) values ($1, $2, $3, $4) returning id',
      [req.user.id, value.planId, plan.rows[0].price_cents, 'pending']
    )
    res.status(201).json({ paymentId: rows[0].id, amountCents: plan.rows[0].price_cents })
  } catch (err) {
    next(err)
  }
})

router.get('/revenue', auth, requireRole('admin'), async (req, res, next) => {
  try {
    res.json(await monthlyRevenue())
  } catch (err) {
    next(err)
  }
})

module.exports = router
