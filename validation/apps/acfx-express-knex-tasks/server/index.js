const express = require('express');
const db = require('./db');
const tasks = require('./routes/tasks');
const admin = require('./routes/admin');
const { requireAuth } = require('./middleware/auth');

const app = express();
app.use(express.json());
app.use('/api', tasks);
app.use('/api/admin', admin);

// Anonymous product feedback from the landing page
// ok: G4.P2
app.post('/api/feedback', async (req, res) => {
  await db('feedback').insert({ email: req.body.email, message: req.body.message });
  res.status(201).end();
});

app.patch('/api/me', requireAuth, async (req, res) => {
  // expect: G4.P2
  await db('users').where({ id: req.user.id }).update(req.body);
  res.json({ ok: true });
});

app.listen(process.env.PORT || 4000);
