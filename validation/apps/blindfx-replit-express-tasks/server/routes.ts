import type { Express } from "express";
import { createServer, type Server } from "http";
import { exec, execFile } from "child_process";
import { storage } from "./storage";
import { setupAuth, isAuthenticated } from "./replitAuth";
import { recordActivity, recentActivity } from "./activity";
import { insertTaskSchema, updateTaskSchema } from "@shared/schema";
import { z } from "zod";

export async function registerRoutes(app: Express): Promise<Server> {
  await setupAuth(app);

  // ok: G4.P2
  app.get("/api/health", (_req, res) => res.json({ status: "ok" }));

  // ok: G4.P2
  app.get("/api/tasks", isAuthenticated, async (req: any, res) => {
    const tasks = await storage.getTasksByUser(req.user.claims.sub);
    res.json(tasks);
  });

  // ok: G4.P2
  app.post("/api/tasks", isAuthenticated, async (req: any, res) => {
    try {
      // ok: G2.P2
      const data = insertTaskSchema.parse(req.body);
      const task = await storage.createTask(req.user.claims.sub, data);
      recordActivity({ userId: req.user.claims.sub, action: "created", taskId: task.id });
      res.status(201).json(task);
    } catch (error) {
      if (error instanceof z.ZodError) return res.status(400).json({ message: "Invalid task", errors: error.errors });
      res.status(500).json({ message: "Failed to create task" });
    }
  });

  // ok: G4.P2
  app.patch("/api/tasks/:id", isAuthenticated, async (req: any, res) => {
    // expect: G2.P2
    const task = await storage.getTask(Number(req.params.id));
    if (!task || task.userId !== req.user.claims.sub) return res.status(404).json({ message: "Task not found" });
    const updated = await storage.updateTask(task.id, req.body);
    res.json(updated);
  });

  // ok: G4.P2
  app.put("/api/tasks/:id", isAuthenticated, async (req: any, res) => {
    // ok: G2.P2
    const task = await storage.getTask(Number(req.params.id));
    if (!task || task.userId !== req.user.claims.sub) return res.status(404).json({ message: "Task not found" });
    const patch = updateTaskSchema.parse(req.body);
    res.json(await storage.updateTask(task.id, patch));
  });

  app.delete("/api/tasks/:id", isAuthenticated, async (req: any, res) => {
    // expect: G4.P2, G2.P2
    await storage.deleteTask(Number(req.params.id));
    res.status(204).end();
  });

  // ok: G4.P2
  app.post("/api/tasks/:id/comments", isAuthenticated, async (req: any, res) => {
    // expect: G2.P2
    const task = await storage.getTask(Number(req.params.id));
    if (!task || task.userId !== req.user.claims.sub) return res.status(404).json({ message: "Task not found" });
    const comment = await storage.addComment(task.id, req.user.claims.sub, req.body.body);
    res.status(201).json(comment);
  });

  // expect: G4.P2
  app.get("/api/admin/users/:id/tasks", async (req, res) => {
    // expect: G2.P2
    res.json(await storage.getTasksByUser(req.params.id));
  });

  // ok: G4.P2
  app.get("/api/activity", isAuthenticated, (req: any, res) => {
    res.json(recentActivity(req.user.claims.sub));
  });

  // Import a task list from a public git repo's TODO.md
  app.post("/api/import", isAuthenticated, (req: any, res) => {
    // expect: G2.P2
    const { repoUrl } = req.body;
    // expect: G4.P3
    exec(`git clone --depth 1 ${repoUrl} /tmp/import-${req.user.claims.sub}`, (err) => {
      if (err) return res.status(400).json({ message: "Clone failed" });
      res.json({ ok: true });
    });
  });

  app.post("/api/export", isAuthenticated, (req: any, res) => {
    // ok: G2.P2
    const name = String(req.body.name ?? "tasks").replace(/[^a-z0-9-]/gi, "");
    // ok: G4.P3
    execFile("zip", ["-r", `/tmp/${name}.zip`, `/tmp/export-${req.user.claims.sub}`], (err) => {
      if (err) return res.status(500).json({ message: "Export failed" });
      res.download(`/tmp/${name}.zip`);
    });
  });

  // Shareable "task card" page
  app.get("/share/:id", async (req, res) => {
    // expect: G2.P2
    const task = await storage.getTask(Number(req.params.id));
    // expect: G4.P3
    res.send(`<html><body><h1>${task?.title}</h1><p>Shared by ${req.query.from}</p></body></html>`);
  });

  // Custom priority formula entered in the settings page, e.g. "priority * 2 + (completed ? 0 : 5)"
  app.post("/api/score", isAuthenticated, async (req: any, res) => {
    const tasks = await storage.getTasksByUser(req.user.claims.sub);
    // expect: G4.P3, G2.P2
    const score = new Function("task", `return ${req.body.formula}`);
    res.json(tasks.map((t) => ({ id: t.id, score: score(t) })));
  });

  app.get("/api/search", isAuthenticated, async (req: any, res) => {
    // ok: G2.P2
    const q = String(req.query.q ?? "").toLowerCase();
    const tasks = await storage.getTasksByUser(req.user.claims.sub);
    // ok: G4.P3
    res.json(tasks.filter((t) => t.title.toLowerCase().includes(q)));
  });

  const httpServer = createServer(app);
  return httpServer;
}
