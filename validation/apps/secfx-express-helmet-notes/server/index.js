const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const cookieSession = require('cookie-session');
const rateLimit = require('express-rate-limit');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const Database = require('better-sqlite3');

const db = new Database('notes.db');
const app = express();
const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 });
// expect: G4.D5
const JWT_SECRET = process.env.JWT_SECRET || 'notes-dev-secret';

app.use(helmet());
// ok: G4.D7
app.use(cors({ origin: ['https://notes.example.com'], credentials: true }));
app.use(express.json());
app.use(
  cookieSession({
    name: 'sess',
    keys: [process.env.COOKIE_KEY],
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: 7 * 24 * 60 * 60 * 1000,
  })
);

app.use('/api/auth', authLimiter);

// ok: G4.D4
app.post('/api/auth/signup', (req, res) => {
  const { email, password } = req.body;
  // expect: G4.D6
  const hash = bcrypt.hashSync(password, 6);
  db.prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)').run(email, hash);
  res.sendStatus(201);
});

// ok: G4.D4
app.post('/api/auth/login', (req, res) => {
  const { email, password } = req.body;
  // ok: G4.P3
  const user = db.prepare('SELECT * FROM users WHERE email = ?').get(email);
  if (!user || !bcrypt.compareSync(password, user.password_hash)) return res.sendStatus(401);
  req.session.userId = user.id;
  // expect: G4.D5
  const token = jwt.sign({ sub: user.id }, JWT_SECRET);
  // ok: G4.D8
  res.cookie('access_token', token, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 3600_000 });
  res.json({ ok: true });
});

app.get('/api/notes', (req, res) => {
  if (!req.session.userId) return res.sendStatus(401);
  const tag = req.query.tag;
  // expect: G4.P3
  const notes = db.prepare(`SELECT * FROM notes WHERE user_id = ${req.session.userId} AND tag = '${tag}'`).all();
  res.json(notes);
});

app.listen(process.env.PORT || 3001);
