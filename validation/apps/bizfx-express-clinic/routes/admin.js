const express = require("express");
const db = require("../db");
const logger = require("../utils/logger");
const { requireRole } = require("../middleware/auth");

const router = express.Router();
router.use(requireRole("admin"));

router.get("/users", async (req, res) => {
  const page = Number(req.query.page || 1);
  const { rows } = await db.query(
    "SELECT id, email, full_name, phone, role, created_at FROM users ORDER BY created_at DESC LIMIT 50 OFFSET $1",
    [(page - 1) * 50]
  );
  res.json(rows);
});

router.patch("/users/:id/role", async (req, res) => {
  const { role } = req.body;
  if (!["patient", "doctor", "admin"].includes(role)) return res.status(400).json({ error: "Unknown role" });
  await db.query("UPDATE users SET role = $1 WHERE id = $2", [role, req.params.id]);
  logger.info({ actor: req.session.user.id, target: req.params.id, role }, "user role changed");
  res.json({ ok: true });
});

router.post("/doctors", async (req, res) => {
  const { userId, specialty, room } = req.body;
  await db.query("INSERT INTO doctors (user_id, specialty, room) VALUES ($1, $2, $3)", [userId, specialty, room]);
  await db.query("UPDATE users SET role = 'doctor' WHERE id = $1", [userId]);
  res.status(201).json({ ok: true });
});

module.exports = router;
