const express = require('express')
const cors = require('cors')
const books = require('./routes/books')
const orders = require('./routes/orders')
const admin = require('./routes/admin')
const { requireUser, requireAdmin } = require('./auth')

const app = express()
app.use(cors())
app.use(express.json())

app.get('/api/health', (_req, res) => res.json({ ok: true }))
app.use('/api/books', books)
app.use('/api/orders', requireUser, orders)
app.use('/api/admin', requireUser, requireAdmin, admin)

const port = process.env.PORT || 3001
app.listen(port, () => console.log(`API listening on ${port}`))
