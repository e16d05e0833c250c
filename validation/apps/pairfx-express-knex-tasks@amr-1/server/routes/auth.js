import { Router } from 'express'
import bcrypt from 'bcryptjs'
import { db } from '../db.js'
import { validateCredentials } from '../lib/validate.js'

export const authRouter = Router()

const publicUser = ({ id, email, name }) => ({ id, email, name })

authRouter.post('/signup', async (req, res, next) => {
  const problems = validateCredentials(req.body)
  if (problems.length > 0) return res.status(400).json({ errors: problems })
  try {
    const passwordHash = await bcrypt.hash(req.body.password, 12)
    const [user] = await db('users')
      .insert({ email: req.body.email.toLowerCase(), password_hash: passwordHash, name: req.body.name })
      .returning(['id', 'email', 'name'])
    req.session.userId = user.id
    return res.status(201).json(publicUser(user))
  } catch (error) {
    return error.code === '23505' ? res.status(409).json({ error: 'Email already registered' }) : next(error)
  }
})

authRouter.post('/login', async (req, res, next) => {
  try {
    const email = String(req.body.email ?? '').toLowerCase()
    const user = await db('users').where({ email }).first()
    const ok = user && (await bcrypt.compare(String(req.body.password ?? ''), user.password_hash))
    if (!ok) return res.status(401).json({ error: 'Wrong email or password' })
    req.session.regenerate((error) => {
      if (error) return next(error)
      req.session.userId = user.id
      res.json(publicUser(user))
    })
  } catch (error) {
    next(error)
  }
})

authRouter.post('/logout', (req, res) => req.session.destroy(() => res.sendStatus(204)))
