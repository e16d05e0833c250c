import express from 'express';
import cookieParser from 'cookie-parser';
import mysql from 'mysql2/promise';
import { v4 as uuid } from 'uuid';

// expect: G4.D7
const app = express();
const pool = mysql.createPool(process.env.DATABASE_URL);
const sessions = new Map();

app.use(express.json());
app.use(cookieParser());
app.use((req, res, next) => {
  // expect: G4.D7
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.post('/api/login', async (req, res) => {
  const { username, password } = req.body;
  const [rows] = await pool.query('SELECT * FROM users WHERE username = ?', [username]);
  const user = rows[0];
  // expect: G4.D6
  if (!user || user.password !== password) return res.status(401).json({ error: 'bad login' });
  const sid = uuid();
  sessions.set(sid, user.id);
  // expect: G4.D3
  res.cookie('sid', sid, { httpOnly: true, secure: true, sameSite: 'none' });
  res.json({ ok: true });
});

app.post('/api/polls/:id/vote', async (req, res) => {
  const userId = sessions.get(req.cookies.sid);
  if (!userId) return res.sendStatus(401);
  // ok: G4.P3
  await pool.execute('INSERT INTO votes (poll_id, user_id, choice) VALUES (?, ?, ?)', [req.params.id, userId, req.body.choice]);
  res.sendStatus(204);
});

app.listen(3000);
