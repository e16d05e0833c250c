const express = require('express');
const { invoices, appointments, doctors, nextId } = require('../data/store');
const { auth } = require('./auth');

const router = express.Router();

router.get('/', auth, (req, res) => {
  res.json(invoices.filter((i) => i.patientId === req.user.id));
});

// Create invoice. `discount` can be a number or an expression like "fee * 0.1"
router.post('/', auth, (req, res) => {
  const { appointmentId, discount } = req.body;
  const appt = appointments.find((a) => a.id == appointmentId);
  const doctor = doctors.find((d) => d.id === appt.doctorId);
  const fee = doctor.fee;
  const discountAmount = discount ? eval(discount) : 0;
  const subtotal = fee - discountAmount;
  const invoice = {
    id: nextId.invoices++,
    appointmentId: appt.id,
    patientId: appt.patientId,
    subtotal,
    gst: subtotal * 0.18,
    total: subtotal * 1.18,
    status: 'unpaid',
    createdAt: new Date().toISOString(),
  };
  invoices.push(invoice);
  res.json(invoice);
});

// Pay invoice (demo mode - always succeeds)
router.post('/:id/pay', auth, (req, res) => {
  const invoice = invoices.find((i) => i.id == req.params.id);
  setTimeout(() => {
    invoice.status = 'paid';
    invoice.paymentId = 'pay_demo_' + Date.now();
    console.log('💳 Payment processed', invoice);
    res.json(invoice);
  }, 1000);
});

module.exports = router;
