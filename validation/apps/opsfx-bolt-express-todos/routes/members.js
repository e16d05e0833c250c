const express = require('express');
const { randomUUID } = require('crypto');
const db = require('../data/db');

const router = express.Router();

router.get('/', (req, res) => {
  res.json(db.members);
});

router.post('/invite', (req, res) => {
  const { email } = req.body;
  if (!email || !email.includes('@')) {
    return res.status(400).json({ error: 'A valid email is required' });
  }
  if (db.members.some((m) => m.email === email)) {
    return res.status(409).json({ error: 'Already a member' });
  }
  const invite = { id: randomUUID(), email, sentAt: new Date().toISOString() };
  db.invites.push(invite);
  console.log(`Invite queued for ${email}`);
  res.status(201).json(invite);
});

router.post('/invite/:id/accept', (req, res) => {
  const idx = db.invites.findIndex((i) => i.id === req.params.id);
  if (idx === -1) return res.status(404).json({ error: 'Invite not found' });
  const [invite] = db.invites.splice(idx, 1);
  const member = { id: randomUUID(), name: req.body.name || invite.email.split('@')[0], email: invite.email, role: 'member' };
  db.members.push(member);
  res.status(201).json(member);
});

module.exports = router;
