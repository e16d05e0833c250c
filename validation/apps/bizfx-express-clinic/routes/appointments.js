const express = require("express");
const db = require("../db");
const logger = require("../utils/logger");
const { sendEmail } = require("../utils/mailer");
const { requireLogin, requireRole } = require("../middleware/auth");

const router = express.Router();

// Patients see their own appointments, doctors see their day
router.get("/", requireLogin, async (req, res) => {
  const { from, to } = req.query;
  const user = req.session.user;
  const column = user.role === "doctor" ? "d.user_id" : "a.patient_id";
  const { rows } = await db.query(
    `SELECT a.*, u.full_name AS doctor_name, d.specialty FROM appointments a
       JOIN doctors d ON d.id = a.doctor_id JOIN users u ON u.id = d.user_id
      WHERE ${column} = $1 AND a.starts_at BETWEEN $2 AND $3 ORDER BY a.starts_at LIMIT 100`,
    [user.id, from || new Date(), to || new Date(Date.now() + 30 * 864e5)]
  );
  res.json(rows);
});

router.get("/doctors", requireLogin, async (req, res) => {
  const { rows } = await db.query("SELECT d.id, u.full_name, d.specialty FROM doctors d JOIN users u ON u.id = d.user_id ORDER BY u.full_name");
  res.json(rows);
});

router.get("/:id", requireLogin, async (req, res) => {
  const { rows } = await db.query("SELECT * FROM appointments WHERE id = $1", [req.params.id]);
  if (!rows[0]) return res.status(404).json({ error: "Not found" });
  res.json(rows[0]);
});

router.post("/", requireRole("patient"), async (req, res) => {
  const { doctorId, startsAt, reason } = req.body;
  const { rows } = await db.query(
    "INSERT INTO appointments (patient_id, doctor_id, starts_at, reason) VALUES ($1, $2, $3, $4) RETURNING id",
    [req.session.user.id, doctorId, startsAt, reason]
  );
  const me = await db.query("SELECT email, full_name FROM users WHERE id = $1", [req.session.user.id]);
  const patient = me.rows[0];
  // expect: G6.D2
  console.log("Booking confirmed for", patient);
  await sendEmail(patient.email, "Appointment booked", `Your appointment on ${startsAt} is booked.`);
  // ok: G6.D2
  logger.info({ appointmentId: rows[0].id, patientId: req.session.user.id }, "appointment booked");
  // expect: G6.D4
  res.status(201).json({ id: rows[0].id, message: "Appointment booked. Confirmation email sent." });
});

router.put("/:id", requireLogin, async (req, res) => {
  await db.query("UPDATE appointments SET starts_at = $1 WHERE id = $2 AND patient_id = $3", [req.body.startsAt, req.params.id, req.session.user.id]);
  res.json({ ok: true });
});

router.post("/:id/cancel", requireLogin, async (req, res) => {
  await db.query("UPDATE appointments SET status = 'cancelled' WHERE id = $1", [req.params.id]);
  res.json({ ok: true });
});

router.post("/:id/prescriptions", requireRole("doctor"), async (req, res) => {
  const { medication, dosage } = req.body;
  await db.query("INSERT INTO prescriptions (appointment_id, medication, dosage) VALUES ($1, $2, $3)", [req.params.id, medication, dosage]);
  res.status(201).json({ ok: true });
});

router.get("/:id/prescriptions", requireLogin, async (req, res) => {
  const { rows } = await db.query("SELECT * FROM prescriptions WHERE appointment_id = $1", [req.params.id]);
  res.json(rows);
});

module.exports = router;
