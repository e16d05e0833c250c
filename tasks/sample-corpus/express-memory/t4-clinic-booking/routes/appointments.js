const express = require('express');
const { appointments, doctors, users, nextId } = require('../data/store');
const { auth } = require('./auth');

const router = express.Router();

// Get all appointments
router.get('/', (req, res) => {
  const result = appointments.map((a) => ({
    ...a,
    doctor: doctors.find((d) => d.id === a.doctorId),
    patient: users.find((u) => u.id === a.patientId),
  }));
  res.json(result);
});

router.get('/doctors', (req, res) => {
  res.json(doctors);
});

// Book appointment
router.post('/', auth, async (req, res) => {
  const { doctorId, date, time, notes } = req.body;

  // simulate slot lookup latency
  await new Promise((r) => setTimeout(r, 200));

  const appointment = {
    id: nextId.appointments++,
    patientId: req.user.id,
    doctorId: parseInt(doctorId),
    date,
    time,
    notes,
    status: 'booked',
  };
  appointments.push(appointment);

  const patient = users.find((u) => u.id === req.user.id);
  const doctor = doctors.find((d) => d.id === appointment.doctorId);
  // Send confirmation email (demo mode)
  console.log(`📧 Email sent to ${patient.email}: Appointment with ${doctor.name} on ${date} at ${time}`);

  res.json(appointment);
});

router.put('/:id', auth, (req, res) => {
  const appt = appointments.find((a) => a.id == req.params.id);
  if (!appt) return res.status(404).json({ error: 'Not found' });
  Object.assign(appt, req.body);
  res.json(appt);
});

router.delete('/:id', auth, (req, res) => {
  const idx = appointments.findIndex((a) => a.id == req.params.id);
  if (idx === -1) return res.status(404).json({ error: 'Not found' });
  appointments.splice(idx, 1);
  res.json({ success: true });
});

// TODO: reminder emails
// setInterval(() => {
//   const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
//   appointments.filter(a => a.date === tomorrow).forEach(a => console.log('reminder', a));
// }, 3600000);

module.exports = router;
