import { Router } from "express";
import { z } from "zod";
import { pool } from "../db";

export const tasks = Router();

const listQuery = z.object({ done: z.enum(["true", "false"]).optional() });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const createBody = z.object({ title: z.string().trim().min(1).max(200), dueOn: z.string().date().nullable() }).strict();
const patchBody = z.object({ done: z.boolean() }).strict();

// Express 5 forwards rejected promises to the error middleware, so handlers need no try/catch.
tasks.get("/", async (req, res) => {
  const { done } = listQuery.parse(req.query);
  const { rows } = await pool.query(
    "select id, title, done, due_on as \"dueOn\" from tasks where ($1::boolean is null or done = $1) order by id",
    [done === undefined ? null : done === "true"],
  );
  res.json(rows);
});

tasks.post("/", async (req, res) => {
  const parsed = createBody.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.issues[0]?.message ?? "Invalid task" });
    return;
  }
  const { rows } = await pool.query(
    "insert into tasks (title, due_on) values ($1, $2) returning id, title, done, due_on as \"dueOn\"",
    [parsed.data.title, parsed.data.dueOn],
  );
  res.status(201).json(rows[0]);
});

tasks.patch("/:id", async (req, res) => {
  const { id } = idParams.parse(req.params);
  const { done } = patchBody.parse(req.body);
  const { rows } = await pool.query("update tasks set done = $1 where id = $2 returning id, title, done, due_on as \"dueOn\"", [done, id]);
  if (!rows[0]) {
    res.status(404).json({ error: "Task not found" });
    return;
  }
  res.json(rows[0]);
});

tasks.delete("/:id", async (req, res) => {
  const { id } = idParams.parse(req.params);
  await pool.query("delete from tasks where id = $1", [id]);
  res.status(204).end();
});
