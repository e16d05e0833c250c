const express = require('express');
const jwt = require('jsonwebtoken');
const md5 = require('md5');
const { users, nextId } = require('../data/store');

const router = express.Router();

const JWT_SECRET = 'secret';

router.post('/register', (req, res) => {
  const { name, email, password, phone, role } = req.body;
  if (users.find((u) => u.email === email)) {
    return res.status(400).json({ error: 'User already exists' });
  }
  const user = {
    id: nextId.users++,
    name,
    email,
    phone,
    password: md5(password),
    role: role || 'patient',
  };
  users.push(user);
  const token = jwt.sign({ id: user.id, email: user.email, role: user.role }, JWT_SECRET);
  res.json({ token, user });
});

router.post('/login', (req, res) => {
  const { email, password } = req.body;
  console.log('Login attempt:', email, password);
  const user = users.find((u) => u.email === email && u.password === md5(password));
  if (!user) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  const token = jwt.sign({ id: user.id, email: user.email, role: user.role }, JWT_SECRET);
  res.json({ token, user });
});

function auth(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).json({ error: 'No token' });
  try {
    req.user = jwt.verify(token, JWT_SECRET);
    next();
  } catch (e) {
    res.status(401).json({ error: 'Invalid token' });
  }
}

module.exports = router;
module.exports.auth = auth;
module.exports.JWT_SECRET = JWT_SECRET;
