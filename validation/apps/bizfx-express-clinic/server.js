const express = require("express");
const path = require("path");
const cookieSession = require("cookie-session");
const authRoutes = require("./routes/auth");
const appointmentRoutes = require("./routes/appointments");
const adminRoutes = require("./routes/admin");
const logger = require("./utils/logger");
const db = require("./db");
const { requireLogin } = require("./middleware/auth");

const app = express();
app.set("view engine", "ejs");
app.set("views", path.join(__dirname, "views"));
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use(cookieSession({ name: "cp_session", keys: [process.env.SESSION_SECRET], maxAge: 8 * 60 * 60 * 1000 }));
app.use(express.static(path.join(__dirname, "public")));

app.use("/api/auth", authRoutes);
app.use("/api/appointments", appointmentRoutes);
app.use("/api/admin", adminRoutes);

app.get("/admin", (req, res) => {
  if (!req.session.user || req.session.user.role !== "admin") return res.redirect("/");
  res.sendFile(path.join(__dirname, "public", "admin.html"));
});

app.get("/prescriptions/:id/print", requireLogin, async (req, res) => {
  const { rows } = await db.query(
    "SELECT p.*, u.full_name FROM prescriptions p JOIN appointments a ON a.id = p.appointment_id JOIN users u ON u.id = a.patient_id WHERE p.id = $1",
    [req.params.id]
  );
  if (!rows[0]) return res.status(404).send("Not found");
  res.render("prescription", { prescription: rows[0], patient: { full_name: rows[0].full_name } });
});

const port = process.env.PORT || 3000;
app.listen(port, () => logger.info(`CarePoint listening on ${port}`));
