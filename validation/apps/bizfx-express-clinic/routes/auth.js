const express = require("express");
const bcrypt = require("bcrypt");
const db = require("../db");
const logger = require("../utils/logger");

const router = express.Router();

router.post("/register", async (req, res) => {
  const { email, password, fullName, phone, dateOfBirth } = req.body;
  if (!email || !password || !fullName) return res.status(400).json({ error: "Missing fields" });
  const hash = await bcrypt.hash(password, 10);
  const { rows } = await db.query(
    "INSERT INTO users (email, password_hash, full_name, phone, date_of_birth) VALUES ($1, $2, $3, $4, $5) RETURNING id, role",
    [email, hash, fullName, phone, dateOfBirth]
  );
  req.session.user = { id: rows[0].id, role: rows[0].role };
  res.status(201).json({ id: rows[0].id });
});

router.post("/login", async (req, res) => {
  // expect: G6.D2
  console.log("Login attempt", req.body);
  const { rows } = await db.query("SELECT id, password_hash, role FROM users WHERE email = $1", [req.body.email]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(req.body.password, user.password_hash))) {
    return res.status(401).json({ error: "Invalid email or password" });
  }
  req.session.user = { id: user.id, role: user.role };
  // ok: G6.D2
  logger.info({ userId: user.id, role: user.role }, "login ok");
  res.json({ id: user.id, role: user.role });
});

router.get("/me", async (req, res) => {
  if (!req.session.user) return res.status(401).json({ error: "Not signed in" });
  const { rows } = await db.query("SELECT id, email, full_name, phone, role FROM users WHERE id = $1", [req.session.user.id]);
  res.json(rows[0]);
});

router.put("/me", async (req, res) => {
  if (!req.session.user) return res.status(401).json({ error: "Not signed in" });
  const { fullName, phone } = req.body;
  await db.query("UPDATE users SET full_name = $1, phone = $2 WHERE id = $3", [fullName, phone, req.session.user.id]);
  res.json({ ok: true });
});

router.post("/logout", (req, res) => {
  req.session = null;
  res.json({ ok: true });
});

module.exports = router;
