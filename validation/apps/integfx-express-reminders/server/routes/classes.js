const express = require('express');
const db = require('../db');
const { outdoorForecast } = require('../services/weather');
const { nextHolidays } = require('../services/holidays');
const { sendSms } = require('../services/sms');
const router = express.Router();

router.get('/', async (req, res) => {
  const { rows } = await db.query('select * from classes order by starts_at');
  res.json(rows);
});

router.get('/outdoor', async (req, res) => {
  const [weather, holidays] = await Promise.all([outdoorForecast('Berlin'), nextHolidays('DE')]);
  // ok: G3.D2
  const local = await fetch(`http://localhost:${process.env.PORT || 3000}/api/classes`);
  res.json({ weather, holidays, classes: await local.json() });
});

router.post('/:id/book', async (req, res) => {
  const { rows } = await db.query('insert into bookings (class_id, member_id) values ($1, $2) returning *', [req.params.id, req.body.memberId]);
  const cls = (await db.query('select * from classes where id = $1', [req.params.id])).rows[0];
  // Remind the member one hour before class
  // expect: G3.P2
  setTimeout(() => sendSms(req.body.phone, `${cls.name} starts in an hour`), new Date(cls.starts_at) - Date.now() - 3600000);
  res.json(rows[0]);
});

module.exports = router;
