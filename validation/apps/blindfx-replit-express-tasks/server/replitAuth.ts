import type { Express, RequestHandler } from "express";
import session from "express-session";
import passport from "passport";

export async function setupAuth(app: Express) {
  app.set("trust proxy", 1);
  app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, cookie: { httpOnly: true, secure: true, maxAge: 7 * 24 * 60 * 60 * 1000 } }));
  app.use(passport.initialize());
  app.use(passport.session());
  passport.serializeUser((user: Express.User, cb) => cb(null, user));
  passport.deserializeUser((user: Express.User, cb) => cb(null, user));
  app.get("/api/login", passport.authenticate("replitauth", { successReturnToOrRedirect: "/", failureRedirect: "/api/login" }));
  app.get("/api/logout", (req, res) => req.logout(() => res.redirect("/")));
}

export const isAuthenticated: RequestHandler = (req, res, next) => {
  if (!req.isAuthenticated()) return res.status(401).json({ message: "Unauthorized" });
  next();
};
