const express = require('express')
const bcrypt = require('bcryptjs')
const jwt = require('jsonwebtoken')
const Joi = require('joi')
const db = require('../lib/db')
const { JWT_SECRET } = require('../middleware/auth')

const router = express.Router()

router.post('/register', async (req, res) => {
  // expect: G2.P2
  const { email, password, name, role } = req.body
  if (!email || !password) return res.status(400).json({ error: 'Email and password are required' })
  const hash = await bcrypt.hash(password, 10)
  const { rows } = await db.query(
    'insert into users (email, password_hash, name, role) values ($1, $2, $3, $4) returning id, email, role',
    [email, hash, name, role || 'member']
  )
  res.status(201).json(rows[0])
})

const loginSchema = Joi.object({
  email: Joi.string().email().required(),
  password: Joi.string().min(8).required(),
})

router.post('/login', async (req, res) => {
  // ok: G2.P2
  const { error, value } = loginSchema.validate(req.body)
  if (error) return res.status(400).json({ error: error.details[0].message })
  const { rows } = await db.query('select id, email, role, password_hash from users where email = $1', [value.email])
  const user = rows[0]
  if (!user || !(await bcrypt.compare(value.password, user.password_hash))) {
    return res.status(401).json({ error: 'Invalid credentials' })
  }
  const token = jwt.sign({ id: user.id, email: user.email, role: user.role }, JWT_SECRET, { expiresIn: '7d' })
  res.json({ token })
})

module.exports = router
