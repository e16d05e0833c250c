const express = require('express');
const jwt = require('jsonwebtoken');
const { users, doctors, appointments, invoices, nextId } = require('../data/store');

const router = express.Router();

// check admin
function isAdmin(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  const decoded = jwt.decode(token);
  if (decoded && (decoded.role === 'admin' || decoded.role === 'staff')) {
    req.user = decoded;
    return next();
  }
  res.status(403).json({ error: 'Admins only' });
}

router.get('/stats', isAdmin, (req, res) => {
  const revenue = invoices.filter((i) => i.status === 'paid').reduce((s, i) => s + i.total, 0);
  res.json({
    patients: users.filter((u) => u.role === 'patient').length,
    appointments: appointments.length,
    revenue,
  });
});

router.get('/users', isAdmin, (req, res) => {
  res.json(users);
});

router.post('/users/:id/role', isAdmin, (req, res) => {
  const user = users.find((u) => u.id == req.params.id);
  user.role = req.body.role;
  res.json(user);
});

router.post('/doctors', isAdmin, (req, res) => {
  const doctor = { id: doctors.length + 1, ...req.body };
  doctors.push(doctor);
  res.json(doctor);
});

module.exports = router;
