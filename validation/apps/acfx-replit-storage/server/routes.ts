import type { Express } from "express";
import { createServer, type Server } from "http";
import { storage } from "./storage";
import { isAuthenticated } from "./replitAuth";

export async function registerRoutes(app: Express): Promise<Server> {
  // ok: G4.P2
  app.get("/api/invoices", isAuthenticated, async (req: any, res) => {
    const userId = req.user.claims.sub;
    const invoices = await storage.getInvoicesForUser(userId);
    res.json(invoices);
  });

  app.get("/api/invoices/:id", isAuthenticated, async (req: any, res) => {
    const userId = req.user.claims.sub;
    // ok: G4.P2
    const invoice = await storage.getUserInvoice(req.params.id, userId);
    if (!invoice) return res.status(404).json({ message: "Invoice not found" });
    res.json(invoice);
  });

  app.get("/api/invoices/:id/pdf", isAuthenticated, async (req: any, res) => {
    // expect: G4.P2
    const invoice = await storage.getInvoice(req.params.id);
    if (!invoice) return res.status(404).json({ message: "Invoice not found" });
    res.json({ invoice, url: `/files/${invoice.id}.pdf` });
  });

  app.post("/api/invoices/:id/pay", isAuthenticated, async (req: any, res) => {
    const userId = req.user.claims.sub;
    // ok: G4.P2
    const ok = await storage.markPaid(req.params.id, userId);
    res.json({ ok });
  });

  app.patch("/api/profile", isAuthenticated, async (req: any, res) => {
    const userId = req.user.claims.sub;
    // expect: G4.P2
    const user = await storage.updateUser(userId, req.body);
    res.json(user);
  });

  // Public author card: only the display name leaves the server
  // ok: G4.P2
  app.get("/api/users/:id/card", async (req, res) => {
    const user = await storage.getUser(req.params.id);
    if (!user) return res.status(404).json({ message: "Not found" });
    res.json({ id: user.id, displayName: user.displayName });
  });

  // Landing-page counter
  // ok: G4.P2
  app.get("/api/stats", async (_req, res) => {
    const total = await storage.countInvoices();
    res.json({ total });
  });

  // expect: G4.P2
  app.get("/api/users/:id", async (req, res) => {
    const user = await storage.getUser(req.params.id);
    res.json(user);
  });

  return createServer(app);
}
