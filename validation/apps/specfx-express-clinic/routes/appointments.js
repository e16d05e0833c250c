const express = require('express');
const nodemailer = require('nodemailer');
const { physios, appointments } = require('../data/store');

const router = express.Router();

const mailer = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT || 587),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

router.get('/physios', (req, res) => res.json(physios));

router.get('/', (req, res) => res.json(appointments));

router.post('/', async (req, res) => {
  const { physioId, patient, email, phone, date, time } = req.body;
  if (!physioId || !patient || !email || !date || !time) {
    return res.status(400).json({ error: 'Missing required fields' });
  }
  const appointment = { id: appointments.length + 1, physioId: Number(physioId), patient, email, phone, date, time };
  appointments.push(appointment);
  try {
    await mailer.sendMail({
      from: process.env.CLINIC_FROM_EMAIL,
      to: process.env.CLINIC_INBOX,
      subject: `New booking: ${patient} on ${date} at ${time}`,
      text: `${patient} (${email}, ${phone}) booked physio #${physioId}.`,
    });
  } catch (err) {
    console.error('Failed to send booking email', err);
  }
  res.status(201).json(appointment);
});

module.exports = router;
