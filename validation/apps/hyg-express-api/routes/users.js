const express = require('express')
const Joi = require('joi')
const _ = require('lodash')
const db = require('../lib/db')
const { auth, requireRole } = require('../middleware/auth')

const router = express.Router()

router.put('/me', auth, async (req, res, next) => {
  try {
    const { rows } = await db.query('select id, name, phone, role from users where id = $1', [req.user.id])
    const profile = rows[0]
    // expect: G2.P2
    Object.assign(profile, req.body)
    await db.query('update users set name = $1, phone = $2, role = $3 where id = $4', [profile.name, profile.phone, profile.role, profile.id])
    res.json(_.pick(profile, ['id', 'name', 'phone', 'role']))
  } catch (err) {
    next(err)
  }
})

const roleSchema = Joi.object({ role: Joi.string().valid('member', 'coach', 'admin').required() })

router.patch('/:id/role', auth, requireRole('admin'), async (req, res, next) => {
  try {
    // The body goes through joi, but the id reaches the query as Number(...) with no NaN check.
    // expect: G2.P2
    const { error, value } = roleSchema.validate(req.body)
    if (error) return res.status(400).json({ error: error.message })
    await db.query('update users set role = $1 where id = $2', [value.role, Number(req.params.id)])
    res.json({ ok: true })
  } catch (err) {
    next(err)
  }
})

module.exports = router
