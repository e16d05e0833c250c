const express = require('express')
const db = require('../db')

const router = express.Router()
const PAGE_SIZE = 24

router.get('/', async (req, res) => {
  const page = Math.max(1, Number(req.query.page) || 1)
  // ok: G4.P5
  const query = db('books')
  if (req.query.q) query.whereILike('title', `%${req.query.q}%`)
  const books = await query.orderBy('title').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
  res.json({ books, page })
})

router.get('/featured', async (_req, res) => {
  // ok: G4.P5
  const books = await db('books').select('id', 'title', 'author').orderBy('views', 'desc').limit(50)
  const withReviews = await Promise.all(
    books.map(async (b) => {
      // expect: G4.P5
      const reviews = await db('reviews').where('book_id', b.id).orderBy('id', 'desc')
      return { ...b, reviews }
    })
  )
  res.json(withReviews)
})

router.get('/:id', async (req, res) => {
  // ok: G4.P5
  const book = await db('books').where({ id: req.params.id }).first()
  if (!book) return res.status(404).json({ error: 'Not found' })
  // ok: G4.P4
  await db('books').where({ id: book.id }).increment('views', 1)
  res.json(book)
})

router.put('/:id', async (req, res) => {
  const book = await db('books').where({ id: req.params.id }).first()
  if (!book) return res.status(404).json({ error: 'Not found' })
  // ok: G4.P4
  const n = await db('books').where({ id: book.id, version: book.version }).update({ price_cents: req.body.price_cents, version: book.version + 1 })
  if (n === 0) return res.status(409).json({ error: 'Edited by someone else, reload' })
  res.json({ ok: true })
})

module.exports = router
