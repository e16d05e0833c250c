import type { Express } from "express";
import { createServer, type Server } from "http";
import { storage } from "./storage";
import { insertMemberSchema, insertCheckInSchema } from "@shared/schema";

export async function registerRoutes(app: Express): Promise<Server> {
  app.get("/api/members", async (_req, res) => {
    res.json(await storage.getMembers());
  });

  app.post("/api/members", async (req, res) => {
    const parsed = insertMemberSchema.safeParse(req.body);
    if (!parsed.success) return res.status(400).json({ message: "Invalid member", errors: parsed.error.errors });
    if (await storage.getMemberByEmail(parsed.data.email)) return res.status(409).json({ message: "Email already registered" });
    res.status(201).json(await storage.createMember(parsed.data));
  });

  app.get("/api/sessions", async (_req, res) => {
    res.json(await storage.getSessions());
  });

  app.post("/api/sessions/:id/check-ins", async (req, res) => {
    const parsed = insertCheckInSchema.safeParse({ ...req.body, sessionId: Number(req.params.id) });
    if (!parsed.success) return res.status(400).json({ message: "Invalid check-in" });
    const existing = await storage.getCheckInsForSession(parsed.data.sessionId);
    if (existing.some((c) => c.memberId === parsed.data.memberId)) return res.status(409).json({ message: "Already checked in" });
    res.status(201).json(await storage.createCheckIn(parsed.data));
  });

  const httpServer = createServer(app);
  return httpServer;
}
