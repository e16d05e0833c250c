const db = require('./db')

async function requireUser(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '')
  if (!token) return res.status(401).json({ error: 'Unauthorized' })
  const session = await db('sessions').where({ token }).where('expires_at', '>', db.fn.now()).first()
  if (!session) return res.status(401).json({ error: 'Unauthorized' })
  req.user = await db('customers').where({ id: session.customer_id }).first()
  next()
}

function requireAdmin(req, res, next) {
  if (req.user?.role !== 'admin') return res.status(403).json({ error: 'Forbidden' })
  next()
}

module.exports = { requireUser, requireAdmin }
