import { Router } from "express";
import { pool } from "../db.js";

const router = Router();

router.post("/subscribe", async (req, res) => {
  const { email, source } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    // ok: G4.P3
    return res.status(400).json({ error: `Invalid email: ${email}` });
  }
  await pool.query("INSERT INTO subscribers (email, source) VALUES ($1, $2) ON CONFLICT DO NOTHING", [email, source]);
  // ok: G4.P3
  res.status(201).json({ ok: true, message: `Check ${email} for a confirmation link` });
});

// CSV export of a segment for the mail provider
router.get("/segments/:name/export", async (req, res) => {
  const { rows } = await pool.query("SELECT email FROM subscribers WHERE segment = $1 AND unsubscribed_at IS NULL", [req.params.name]);
  res.setHeader("Content-Type", "text/csv");
  res.setHeader("Content-Disposition", `attachment; filename="${req.params.name}.csv"`);
  // ok: G4.P3
  res.send(`email\n${rows.map((r) => r.email).join("\n")}\n# segment ${req.params.name}`);
});

export default router;
