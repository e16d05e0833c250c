const express = require('express');
const cors = require('cors');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');

const app = express();
app.use(cors());
app.use(express.json());

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
module.exports = { app, pool };
const { sendReminders } = require('./jobs/reminders');
setInterval(() => sendReminders().catch(console.error), 60 * 60 * 1000);
const JWT_SECRET = process.env.JWT_SECRET;

// expect: G2.D1
function auth(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : req.query.token;
  if (!token) return res.status(401).json({ error: 'No token' });
  try {
    const payload = jwt.verify(token, JWT_SECRET);
    if (!payload || !payload.sub) return res.status(401).json({ error: 'Bad token' });
    if (payload.exp && payload.exp * 1000 < Date.now()) return res.status(401).json({ error: 'Expired' });
    if (req.method !== 'GET' && payload.role !== 'admin' && payload.role !== 'staff') {
      return res.status(403).json({ error: 'Read only' });
    }
    if (req.path.startsWith('/api/payments') && payload.role !== 'admin') {
      return res.status(403).json({ error: 'Admins only' });
    }
    req.user = { id: payload.sub, role: payload.role || 'member', gym: payload.gym ?? null };
    next();
  } catch (e) {
    return res.status(401).json({ error: 'Invalid token' });
  }
}

app.use('/api', auth);

// expect: G2.D2
app.get('/api/members', async (req, res) => {
  try {
    const limit = Math.min(parseInt(req.query.limit) || 50, 200);
    const offset = parseInt(req.query.offset) || 0;
    const result = await pool.query('SELECT * FROM members ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    res.json(result.rows);
  } catch (err) {
    console.error('Error fetching members:', err);
    res.status(500).json({ error: 'Failed to fetch members' });
  }
});

app.get('/api/members/:id', async (req, res) => {
  try {
    const result = await pool.query('SELECT * FROM members WHERE id = $1', [req.params.id]);
    // expect: G2.D2
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Member not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error fetching member:', err);
    res.status(500).json({ error: 'Failed to fetch member' });
  }
});

app.post('/api/members', async (req, res) => {
  try {
    const { name, email, phone, plan } = req.body;
    if (!name || !email) {
      return res.status(400).json({ error: 'Missing required fields' });
    }
    const result = await pool.query(
      'INSERT INTO members (name, email, phone, plan) VALUES ($1, $2, $3, $4) RETURNING *',
      [name, email, phone, plan]
    );
    res.status(201).json(result.rows[0]);
  } catch (err) {
    console.error('Error creating member:', err);
    res.status(500).json({ error: 'Failed to create member' });
  }
});

app.put('/api/members/:id', async (req, res) => {
  try {
    const { name, email, phone, plan } = req.body;
    const result = await pool.query(
      'UPDATE members SET name = $1, email = $2, phone = $3, plan = $4 WHERE id = $5 RETURNING *',
      [name, email, phone, plan, req.params.id]
    );
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Member not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error updating member:', err);
    res.status(500).json({ error: 'Failed to update member' });
  }
});

app.delete('/api/members/:id', async (req, res) => {
  try {
    const result = await pool.query('DELETE FROM members WHERE id = $1 RETURNING id', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Member not found' });
    }
    res.json({ deleted: true });
  } catch (err) {
    console.error('Error deleting member:', err);
    res.status(500).json({ error: 'Failed to delete member' });
  }
});

app.get('/api/trainers', async (req, res) => {
  try {
    const limit = Math.min(parseInt(req.query.limit) || 50, 200);
    const offset = parseInt(req.query.offset) || 0;
    const result = await pool.query('SELECT * FROM trainers ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    res.json(result.rows);
  } catch (err) {
    console.error('Error fetching trainers:', err);
    res.status(500).json({ error: 'Failed to fetch trainers' });
  }
});

app.get('/api/trainers/:id', async (req, res) => {
  try {
    const result = await pool.query('SELECT * FROM trainers WHERE id = $1', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Trainer not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error fetching trainer:', err);
    res.status(500).json({ error: 'Failed to fetch trainer' });
  }
});

app.post('/api/trainers', async (req, res) => {
  try {
    const { name, email, specialty, rate } = req.body;
    if (!name || !email) {
      return res.status(400).json({ error: 'Missing required fields' });
    }
    const result = await pool.query(
      'INSERT INTO trainers (name, email, specialty, rate) VALUES ($1, $2, $3, $4) RETURNING *',
      [name, email, specialty, rate]
    );
    res.status(201).json(result.rows[0]);
  } catch (err) {
    console.error('Error creating trainer:', err);
    res.status(500).json({ error: 'Failed to create trainer' });
  }
});

app.put('/api/trainers/:id', async (req, res) => {
  try {
    const { name, email, specialty, rate } = req.body;
    const result = await pool.query(
      'UPDATE trainers SET name = $1, email = $2, specialty = $3, rate = $4 WHERE id = $5 RETURNING *',
      [name, email, specialty, rate, req.params.id]
    );
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Trainer not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error updating trainer:', err);
    res.status(500).json({ error: 'Failed to update trainer' });
  }
});

app.delete('/api/trainers/:id', async (req, res) => {
  try {
    const result = await pool.query('DELETE FROM trainers WHERE id = $1 RETURNING id', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Trainer not found' });
    }
    res.json({ deleted: true });
  } catch (err) {
    console.error('Error deleting trainer:', err);
    res.status(500).json({ error: 'Failed to delete trainer' });
  }
});

app.get('/api/sessions', async (req, res) => {
  try {
    const limit = Math.min(parseInt(req.query.limit) || 50, 200);
    const offset = parseInt(req.query.offset) || 0;
    const result = await pool.query('SELECT * FROM sessions ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    res.json(result.rows);
  } catch (err) {
    console.error('Error fetching sessions:', err);
    res.status(500).json({ error: 'Failed to fetch sessions' });
  }
});

app.get('/api/sessions/:id', async (req, res) => {
  try {
    const result = await pool.query('SELECT * FROM sessions WHERE id = $1', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Session not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error fetching session:', err);
    res.status(500).json({ error: 'Failed to fetch session' });
  }
});

app.post('/api/sessions', async (req, res) => {
  try {
    const { trainer_id, starts_at, capacity, room } = req.body;
    if (!trainer_id || !starts_at) {
      return res.status(400).json({ error: 'Missing required fields' });
    }
    const result = await pool.query(
      'INSERT INTO sessions (trainer_id, starts_at, capacity, room) VALUES ($1, $2, $3, $4) RETURNING *',
      [trainer_id, starts_at, capacity, room]
    );
    res.status(201).json(result.rows[0]);
  } catch (err) {
    console.error('Error creating session:', err);
    res.status(500).json({ error: 'Failed to create session' });
  }
});

app.put('/api/sessions/:id', async (req, res) => {
  try {
    const { trainer_id, starts_at, capacity, room } = req.body;
    const result = await pool.query(
      'UPDATE sessions SET trainer_id = $1, starts_at = $2, capacity = $3, room = $4 WHERE id = $5 RETURNING *',
      [trainer_id, starts_at, capacity, room, req.params.id]
    );
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Session not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error updating session:', err);
    res.status(500).json({ error: 'Failed to update session' });
  }
});

app.delete('/api/sessions/:id', async (req, res) => {
  try {
    const result = await pool.query('DELETE FROM sessions WHERE id = $1 RETURNING id', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Session not found' });
    }
    res.json({ deleted: true });
  } catch (err) {
    console.error('Error deleting session:', err);
    res.status(500).json({ error: 'Failed to delete session' });
  }
});

app.get('/api/bookings', async (req, res) => {
  try {
    const limit = Math.min(parseInt(req.query.limit) || 50, 200);
    const offset = parseInt(req.query.offset) || 0;
    const result = await pool.query('SELECT * FROM bookings ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    res.json(result.rows);
  } catch (err) {
    console.error('Error fetching bookings:', err);
    res.status(500).json({ error: 'Failed to fetch bookings' });
  }
});

app.get('/api/bookings/:id', async (req, res) => {
  try {
    const result = await pool.query('SELECT * FROM bookings WHERE id = $1', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Booking not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error fetching booking:', err);
    res.status(500).json({ error: 'Failed to fetch booking' });
  }
});

app.post('/api/bookings', async (req, res) => {
  try {
    const { member_id, session_id, status, paid } = req.body;
    if (!member_id || !session_id) {
      return res.status(400).json({ error: 'Missing required fields' });
    }
    const result = await pool.query(
      'INSERT INTO bookings (member_id, session_id, status, paid) VALUES ($1, $2, $3, $4) RETURNING *',
      [member_id, session_id, status, paid]
    );
    res.status(201).json(result.rows[0]);
  } catch (err) {
    console.error('Error creating booking:', err);
    res.status(500).json({ error: 'Failed to create booking' });
  }
});

app.put('/api/bookings/:id', async (req, res) => {
  try {
    const { member_id, session_id, status, paid } = req.body;
    const result = await pool.query(
      'UPDATE bookings SET member_id = $1, session_id = $2, status = $3, paid = $4 WHERE id = $5 RETURNING *',
      [member_id, session_id, status, paid, req.params.id]
    );
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Booking not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error updating booking:', err);
    res.status(500).json({ error: 'Failed to update booking' });
  }
});

app.delete('/api/bookings/:id', async (req, res) => {
  try {
    const result = await pool.query('DELETE FROM bookings WHERE id = $1 RETURNING id', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Booking not found' });
    }
    res.json({ deleted: true });
  } catch (err) {
    console.error('Error deleting booking:', err);
    res.status(500).json({ error: 'Failed to delete booking' });
  }
});

app.get('/api/payments', async (req, res) => {
  try {
    const limit = Math.min(parseInt(req.query.limit) || 50, 200);
    const offset = parseInt(req.query.offset) || 0;
    const result = await pool.query('SELECT * FROM payments ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    res.json(result.rows);
  } catch (err) {
    console.error('Error fetching payments:', err);
    res.status(500).json({ error: 'Failed to fetch payments' });
  }
});

app.get('/api/payments/:id', async (req, res) => {
  try {
    const result = await pool.query('SELECT * FROM payments WHERE id = $1', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Payment not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error fetching payment:', err);
    res.status(500).json({ error: 'Failed to fetch payment' });
  }
});

app.post('/api/payments', async (req, res) => {
  try {
    const { member_id, amount, method, status } = req.body;
    if (!member_id || !amount) {
      return res.status(400).json({ error: 'Missing required fields' });
    }
    const result = await pool.query(
      'INSERT INTO payments (member_id, amount, method, status) VALUES ($1, $2, $3, $4) RETURNING *',
      [member_id, amount, method, status]
    );
    res.status(201).json(result.rows[0]);
  } catch (err) {
    console.error('Error creating payment:', err);
    res.status(500).json({ error: 'Failed to create payment' });
  }
});

app.put('/api/payments/:id', async (req, res) => {
  try {
    const { member_id, amount, method, status } = req.body;
    const result = await pool.query(
      'UPDATE payments SET member_id = $1, amount = $2, method = $3, status = $4 WHERE id = $5 RETURNING *',
      [member_id, amount, method, status, req.params.id]
    );
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Payment not found' });
    }
    res.json(result.rows[0]);
  } catch (err) {
    console.error('Error updating payment:', err);
    res.status(500).json({ error: 'Failed to update payment' });
  }
});

app.delete('/api/payments/:id', async (req, res) => {
  try {
    const result = await pool.query('DELETE FROM payments WHERE id = $1 RETURNING id', [req.params.id]);
    if (result.rows.length === 0) {
      return res.status(404).json({ error: 'Payment not found' });
    }
    res.json({ deleted: true });
  } catch (err) {
    console.error('Error deleting payment:', err);
    res.status(500).json({ error: 'Failed to delete payment' });
  }
});

const PORT = process.env.PORT || 3001;
app.listen(PORT, () => console.log(`API listening on ${PORT}`));
