require('dotenv').config()
const express = require('express')
const cors = require('cors')
const path = require('path')

const app = express()
const PORT = 4000

app.use(cors())
app.use(express.json())
app.use(express.static(path.join(__dirname, 'public')))

app.use('/api/auth', require('./routes/auth'))
app.use('/api/classes', require('./routes/classes'))
app.use('/api/bookings', require('./routes/bookings'))
app.use('/api/memberships', require('./routes/memberships'))
app.use('/api/users', require('./routes/users'))

// Reminder job: runs every hour in the web process for now.
// expect: G2.D8
// setInterval(async () => {
//   const due = await db.query("select * from bookings where starts_at between now() and now() + interval '1 hour'")
//   due.rows.forEach((b) => sendReminder(b))
// }, 60 * 60 * 1000)

app.use((err, req, res, next) => {
  console.error(err)
  res.status(500).json({ error: 'Something went wrong' })
})

// expect: G7.D2
app.listen(PORT, () => {
  // ok: G2.D8
  if (process.env.NODE_ENV !== 'production') console.log(`API on :${PORT}`)
})
