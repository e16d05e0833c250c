import { Router } from "express";
import escapeHtml from "escape-html";
import { pool } from "../db.js";

const router = Router();

const layout = (title, body) => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

// One-click unsubscribe link from the footer of every issue
router.get("/unsubscribe", async (req, res) => {
  const email = req.query.email;
  await pool.query("UPDATE subscribers SET unsubscribed_at = now() WHERE email = $1", [email]);
  // expect: G4.P3
  res.send(`<!doctype html><html><body><h2>Done</h2><p>${email} will no longer receive our newsletter.</p></body></html>`);
});

// Web version of an issue
router.get("/issues/:slug", async (req, res) => {
  const { rows } = await pool.query("SELECT title, html FROM issues WHERE slug = $1 AND published = true", [req.params.slug]);
  if (!rows[0]) {
    // expect: G4.P3
    return res.status(404).send("<h1>No issue called " + req.params.slug + "</h1><a href='/'>Back to the archive</a>");
  }
  // ok: G4.P3
  res.send(layout(escapeHtml(rows[0].title), rows[0].html));
});

// Embeddable signup widget: <script src="/embed.js?theme=dark">
router.get("/embed", (req, res) => {
  const { theme = "light", cta } = req.query;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  // expect: G4.P3
  res.write(`<div class="nh-widget nh-${theme}">`);
  // ok: G4.P3
  res.write(`<button>${escapeHtml(cta || "Subscribe")}</button>`);
  res.end("</div>");
});

// Confirmation page after double opt-in
router.get("/confirmed", (req, res) => {
  const name = escapeHtml(String(req.query.name || "there"));
  // ok: G4.P3
  res.send(`<h1>Welcome aboard, ${name}!</h1><p>Your first issue arrives on Monday.</p>`);
});

// Archive paging
router.get("/archive/:page", async (req, res) => {
  const page = Number.parseInt(req.params.page, 10) || 1;
  const { rows } = await pool.query("SELECT slug, title FROM issues WHERE published = true ORDER BY sent_at DESC LIMIT 20 OFFSET $1", [(page - 1) * 20]);
  const items = rows.map((r) => `<li><a href="/issues/${encodeURIComponent(r.slug)}">${escapeHtml(r.title)}</a></li>`).join("");
  // ok: G4.P3
  res.send(layout("Archive", `<h1>Archive, page ${page}</h1><ul>${items}</ul>`));
});

// Uptime probe used by the status page
router.get("/ping", (req, res) => {
  // ok: G4.P3
  res.type("text/plain").send(`pong ${req.query.probe || ""}`);
});

export default router;
