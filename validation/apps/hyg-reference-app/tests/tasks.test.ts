import request from "supertest";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../server/db", () => ({ pool: { query: vi.fn() } }));

import { pool } from "../server/db";
import { app } from "../server/app";

const query = pool.query as unknown as ReturnType<typeof vi.fn>;

describe("tasks API", () => {
  beforeEach(() => query.mockReset());

  it("lists tasks", async () => {
    query.mockResolvedValueOnce({ rows: [{ id: 1, title: "Ship", done: false, dueOn: null }] });
    const res = await request(app).get("/api/tasks").expect(200);
    expect(res.body).toHaveLength(1);
  });

  it("rejects an empty title", async () => {
    await request(app).post("/api/tasks").send({ title: " ", dueOn: null }).expect(400);
    expect(query).not.toHaveBeenCalled();
  });

  it("rejects unknown fields", async () => {
    await request(app).post("/api/tasks").send({ title: "x", dueOn: null, owner: 7 }).expect(400);
  });

  it("answers 404 for a missing task", async () => {
    query.mockResolvedValueOnce({ rows: [] });
    await request(app).patch("/api/tasks/9").send({ done: true }).expect(404);
  });

  it("turns a database failure into a 500", async () => {
    query.mockRejectedValueOnce(new Error("connection reset"));
    const res = await request(app).delete("/api/tasks/3");
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: "Something went wrong" });
  });
});
