const request = require('supertest')
const express = require('express')

jest.mock('../lib/db', () => ({ query: jest.fn() }))
const db = require('../lib/db')

const app = express()
app.use(express.json())
app.use('/api/classes', require('../routes/classes'))

describe('classes API', () => {
  // ok: G2.D6
  it('lists upcoming classes', async () => {
    db.query.mockResolvedValueOnce({ rows: [{ id: 1, name: 'Yoga' }] })
    const res = await request(app).get('/api/classes')
    expect(res.status).toBe(200)
    expect(res.body).toHaveLength(1)
  })

  // ok: G2.D6
  it('rejects a non-numeric id', async () => {
    await request(app).get('/api/classes/abc').expect(400)
  })
})
