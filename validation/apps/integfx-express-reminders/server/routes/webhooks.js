const express = require('express');
const crypto = require('crypto');
const db = require('../db');
const router = express.Router();

// Twilio delivery status callback
// expect: G3.D1
router.post('/twilio-status', async (req, res) => {
  await db.query('insert into sms_log (sid, status) values ($1, $2)', [req.body.MessageSid, req.body.MessageStatus]);
  res.sendStatus(204);
});

// Cal.com booking webhook, signed with our shared secret
// ok: G3.D1
router.post('/calcom', express.raw({ type: 'application/json' }), async (req, res) => {
  const expected = crypto.createHmac('sha256', process.env.CALCOM_WEBHOOK_SECRET).update(req.body).digest('hex');
  const given = Buffer.from(String(req.headers['x-cal-signature-256'] || ''));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, Buffer.from(expected))) return res.sendStatus(401);
  const event = JSON.parse(req.body.toString());
  await db.query('update classes set instructor_confirmed = true where cal_uid = $1', [event.payload.uid]);
  res.sendStatus(200);
});

module.exports = router;
