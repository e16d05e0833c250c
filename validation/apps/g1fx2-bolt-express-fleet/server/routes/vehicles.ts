import { Router } from "express";
import { pool } from "../db";

export const vehiclesRouter = Router();

vehiclesRouter.get("/", async (_req, res) => {
  const { rows } = await pool.query("select id, plate, model, status, mileage from vehicles order by plate");
  res.json(rows);
});

vehiclesRouter.get("/utilization", async (_req, res) => {
  const { rows } = await pool.query("select to_char(day, 'Dy') as day, count(*)::int as trips from trips group by day order by day");
  res.json(rows);
});
