import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express from 'express'
import session from 'express-session'
import { authRouter } from './routes/auth.js'
import { tasksRouter } from './routes/tasks.js'
import { requireAuth } from './middleware/requireAuth.js'

const here = path.dirname(fileURLToPath(import.meta.url))

export function createApp() {
  const app = express()
  app.use(express.json({ limit: '100kb' }))
  app.use(session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: process.env.NODE_ENV === 'production' },
  }))
  app.use(express.static(path.resolve(here, '../public')))
  app.use('/api/auth', authRouter)
  app.use('/api/tasks', requireAuth, tasksRouter)
  app.use((error, _req, res, _next) => {
    console.error('[taskboard]', error)
    res.status(error.status ?? 500).json({ error: error.expose ? error.message : 'Internal error' })
  })
  return app
}
