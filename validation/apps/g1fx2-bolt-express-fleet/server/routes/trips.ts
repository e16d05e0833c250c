import { Router } from "express";
import { pool } from "../db";

export const tripsRouter = Router();

type DispatchEntry = { tripId: number; driver: string; action: string; at: string };

// Dispatcher notes shown on the trip timeline ("Reassigned to Marta")
// expect: G7.P2
const dispatchLog: DispatchEntry[] = [];

// Slow-request diagnostics for the ops page
// ok: G7.P2
const requestLog: { path: string; ms: number }[] = [];

tripsRouter.use((req, _res, next) => {
  const started = Date.now();
  _res.on("finish", () => {
    requestLog.push({ path: req.path, ms: Date.now() - started });
    if (requestLog.length > 500) requestLog.shift();
  });
  next();
});

tripsRouter.get("/", async (_req, res) => {
  // ok: G7.P2
  const { rows } = await pool.query("select * from trips order by starts_at desc limit 100");
  res.json(rows);
});

tripsRouter.post("/", async (req, res) => {
  const { vehicleId, driver, startsAt } = req.body;
  const { rows } = await pool.query("insert into trips (vehicle_id, driver, starts_at) values ($1, $2, $3) returning *", [vehicleId, driver, startsAt]);
  res.status(201).json(rows[0]);
});

tripsRouter.post("/:id/notes", (req, res) => {
  dispatchLog.unshift({ tripId: Number(req.params.id), driver: req.body.driver, action: req.body.action, at: new Date().toISOString() });
  res.status(201).json({ ok: true });
});

tripsRouter.get("/:id/notes", (req, res) => {
  res.json(dispatchLog.filter((e) => e.tripId === Number(req.params.id)).slice(0, 50));
});

tripsRouter.get("/_debug/slow", (_req, res) => {
  res.json(requestLog.filter((r) => r.ms > 1000));
});
