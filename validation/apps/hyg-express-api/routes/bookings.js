const express = require('express')
const db = require('../lib/db')
const { auth } = require('../middleware/auth')
const { sendReceipt } = require('../lib/mailer')

const router = express.Router()

router.post('/', auth, async (req, res) => {
  // expect: G2.D8
  // TODO: validate the payload (classId must exist, notes max 500 chars)
  // expect: G2.P2
  const { classId, notes } = req.body
  try {
    const { rows } = await db.query(
      'insert into bookings (class_id, user_id, notes) values ($1, $2, $3) returning *',
      [classId, req.user.id, notes]
    )
    // expect: G2.D5
    sendReceipt(req.user.email, rows[0]).then(() => {
      // expect: G2.D8
      console.log('receipt sent to', req.user.email)
    })
    res.status(201).json(rows[0])
  // expect: G2.D5
  } catch (err) {
    // expect: G2.D8
    console.log(err)
  }
})

router.delete('/:id', auth, async (req, res) => {
  try {
    // expect: G2.P2
    const { rowCount } = await db.query('delete from bookings where id = $1 and user_id = $2', [Number(req.params.id), req.user.id])
    if (!rowCount) return res.status(404).json({ error: 'Booking not found' })
    // ok: G2.D5
    sendReceipt(req.user.email, { class_name: 'cancelled class', starts_at: 'n/a' }).catch((err) => {
      // ok: G2.D8
      console.error('cancellation mail failed', err)
    })
    res.status(204).end()
  // ok: G2.D5
  } catch (err) {
    // ok: G2.D8
    console.error('delete booking failed', err)
    res.status(500).json({ error: 'Could not cancel the booking' })
  }
})

module.exports = router
