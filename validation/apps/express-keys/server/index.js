const express = require('express')
const jwt = require('jsonwebtoken')
// ok: G4.P1
const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY)
// expect: G4.P1
const legacy = require('stripe')('sk_live_51Nz8kLmQwErTyUiOpAsDfGhJkLzXcVbNm')

const app = express()
// expect: G4.P1
const dbUrl = 'postgres://admin:Sup3rS3cretPw@db.internal:5432/clinic'
// ok: G4.P1
const localUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/dev'

const config = {
  // expect: G4.P1
  sessionSecret: 'q8Zt3Lm9Xv2Rk7Wp4Nb6Yc1Hd5Jf0Gs',
  // ok: G4.P1
  apiToken: process.env.API_TOKEN,
}

app.listen(process.env.PORT || 3000)
