const express = require('express')
const db = require('../lib/db')

const router = express.Router()

// List the week's classes, optionally for one coach.
// expect: G2.D5
router.get('/', async (req, res) => {
  const { rows } = await db.query(
    'select id, name, coach, starts_at, capacity from classes where starts_at > now() order by starts_at limit 100'
  )
  res.json(rows)
})

// ok: G2.D5
router.get('/:id', async (req, res, next) => {
  try {
    const id = Number(req.params.id)
    if (!Number.isInteger(id)) return res.status(400).json({ error: 'Invalid class id' })
    const { rows } = await db.query('select * from classes where id = $1', [id])
    if (!rows[0]) return res.status(404).json({ error: 'Class not found' })
    res.json(rows[0])
  } catch (err) {
    next(err)
  }
})

// ok: G2.D5
router.get('/:id/roster', (req, res, next) => {
  db.query('select user_id from bookings where class_id = $1', [Number(req.params.id)])
    .then(({ rows }) => res.json(rows))
    .catch(next)
})

router.post('/:id/waitlist', async (req, res) => {
  try {
    await db.query('insert into waitlist (class_id, user_id) values ($1, $2)', [Number(req.params.id), req.user?.id])
    res.status(201).json({ waitlisted: true })
  // expect: G2.D5
  } catch (err) {
    console.error('waitlist failed', err)
  }
})

router.get('/:id/coach', async (req, res, next) => {
  try {
    const { rows } = await db.query('select coach from classes where id = $1', [Number(req.params.id)])
    let bio = ''
    try {
      bio = await fetchCoachBio(rows[0]?.coach)
    // ok: G2.D5
    } catch (err) {
      console.error('coach bio lookup failed', err)
    }
    res.json({ coach: rows[0]?.coach ?? null, bio })
  } catch (err) {
    next(err)
  }
})

async function fetchCoachBio(name) {
  if (!name) return ''
  const { rows } = await db.query('select bio from coaches where name = $1', [name])
  return rows[0]?.bio ?? ''
}

module.exports = router
