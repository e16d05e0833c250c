const express = require("express");
const path = require("path");
const cookieSession = require("cookie-session");
const authRoutes = require("./routes/auth");
const appointmentRoutes = require("./routes/appointments");
const adminRoutes = require("./routes/admin");
const logger = require("./utils/logger");

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

const port = process.env.PORT || 3000;
app.listen(port, () => logger.info(`CarePoint listening on ${port}`));
