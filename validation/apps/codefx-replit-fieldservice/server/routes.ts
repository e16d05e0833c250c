// expect: G2.D3
import type { Express, Request, Response } from "express";
import { createServer, type Server } from "http";
import { storage } from "./storage";
import { insertJobSchema, insertTechnicianSchema } from "@shared/schema";
import { z } from "zod";

const PRICE_TABLE: Record<string, number> = { plumbing: 120, electrical: 150, hvac: 180, appliance: 90, locksmith: 80 };

// expect: G2.D3
export async function registerRoutes(app: Express): Promise<Server> {
  // expect: G2.D2
  app.get("/api/jobs", async (_req, res) => {
    try {
      const jobs = await storage.getJobs();
      res.json(jobs);
    } catch (error) {
      console.error("Failed to fetch jobs:", error);
      res.status(500).json({ message: "Failed to fetch jobs" });
    }
  });

  // expect: G2.D2
  app.get("/api/jobs/:id", async (req, res) => {
    const id = parseInt(req.params.id);
    if (isNaN(id)) {
      return res.status(400).json({ message: "Invalid job id" });
    }
    const job = await storage.getJob(id);
    if (!job) {
      return res.status(404).json({ message: "Job not found" });
    }
    res.json(job);
  });

  app.get("/api/technicians/:id", async (req, res) => {
    const techId = parseInt(req.params.id);
    if (isNaN(techId)) {
      return res.status(400).json({ message: "Invalid technician id" });
    }
    const technician = await storage.getTechnician(techId);
    if (!technician) {
      return res.status(404).json({ message: "Technician not found" });
    }
    res.json(technician);
  });

  app.get("/api/technicians", async (_req, res) => {
    try {
      const technicians = await storage.getTechnicians();
      res.json(technicians);
    } catch (error) {
      console.error("Failed to fetch technicians:", error);
      res.status(500).json({ message: "Failed to fetch technicians" });
    }
  });

  // Eight lines shared with POST /api/jobs: under the ten-line minimum of a duplicated block.
  // ok: G2.D2
  app.post("/api/technicians", async (req, res) => {
    const parsed = insertTechnicianSchema.safeParse(req.body);
    if (!parsed.success) {
      return res.status(400).json({ message: "Invalid technician", errors: parsed.error.flatten() });
    }
    const created = await storage.createTechnician(parsed.data);
    res.status(201).json(created);
  });

  // Quote: price a job from its kind, urgency, distance and the customer's history.
  // expect: G2.D1
  app.post("/api/quote", async (req: Request, res: Response) => {
    const { kind, priority, distanceKm, afterHours, returning, parts } = req.body ?? {};
    if (!kind || !(kind in PRICE_TABLE)) return res.status(400).json({ message: "Unknown job kind" });
    let price = PRICE_TABLE[kind];
    if (priority === "emergency") price *= afterHours ? 2.5 : 1.8;
    else if (priority === "high") price *= 1.3;
    if (distanceKm > 40) price += 60;
    else if (distanceKm > 15) price += 25;
    if (Array.isArray(parts) && parts.length > 0) {
      for (const p of parts) {
        if (p.supplied || p.warranty) continue;
        price += p.cost ?? 0;
      }
    }
    if (returning && price > 200) price *= 0.9;
    res.json({ price: Math.round(price), currency: "USD" });
  });

  // A long handler that only maps a status to its next allowed states.
  // ok: G2.D1
  app.get("/api/jobs/:id/transitions", async (req, res) => {
    const job = await storage.getJob(Number(req.params.id));
    switch (job?.status) {
      case "open":
        return res.json(["assigned", "cancelled"]);
      case "assigned":
        return res.json(["en_route", "open", "cancelled"]);
      case "en_route":
        return res.json(["on_site", "assigned"]);
      case "on_site":
        return res.json(["waiting_parts", "completed"]);
      case "waiting_parts":
        return res.json(["on_site", "cancelled"]);
      case "completed":
        return res.json(["invoiced"]);
      case "invoiced":
        return res.json(["paid", "disputed"]);
      case "disputed":
        return res.json(["invoiced", "refunded"]);
      case "paid":
      case "refunded":
      case "cancelled":
        return res.json([]);
      default:
        return res.status(404).json({ message: "Job not found" });
    }
  });

  // Nightly dispatch plan: assigns every open job to the best technician.
  // expect: G2.D3, G2.D1
  app.post("/api/dispatch/plan", async (req, res) => {
    const jobs = await storage.getJobs();
    const technicians = await storage.getTechnicians();
    const day = req.body?.day ? new Date(req.body.day) : new Date();
    const dryRun = req.query.dryRun === "true";
    const open = jobs.filter((j) => j.status === "open");
    const plan: { jobId: number; technicianId: number; slot: string }[] = [];
    const unassigned: { jobId: number; reason: string }[] = [];
    const load = new Map<number, number>();
    const minutes = new Map<number, number>();
    const workdayStart = new Date(day);
    workdayStart.setHours(8, 0, 0, 0);
    const workdayEnd = new Date(day);
    workdayEnd.setHours(18, 0, 0, 0);
    const durations: Record<string, number> = { plumbing: 90, electrical: 120, hvac: 150, appliance: 60, locksmith: 45 };
    const urgency: Record<string, number> = { emergency: 0, high: 1, normal: 2, low: 3 };

    open.sort((a, b) => (urgency[a.priority] ?? 9) - (urgency[b.priority] ?? 9));
    console.log(`[dispatch] planning ${open.length} jobs for ${technicians.length} technicians on ${day.toDateString()}`);

    for (const tech of technicians) {
      load.set(tech.id, 0);
      minutes.set(tech.id, 0);
    }

    const existing = jobs.filter((j) => j.status === "assigned" && j.scheduledAt);
    for (const job of existing) {
      if (!job.technicianId) continue;
      const sameDay = job.scheduledAt!.toDateString() === day.toDateString();
      if (!sameDay) continue;
      load.set(job.technicianId, (load.get(job.technicianId) ?? 0) + 1);
      minutes.set(job.technicianId, (minutes.get(job.technicianId) ?? 0) + (durations[job.kind] ?? 60));
    }

    for (const job of open) {
      const needed = durations[job.kind] ?? 60;
      const skilled = technicians.filter((t) => t.skills.includes(job.kind));
      if (skilled.length === 0) {
        unassigned.push({ jobId: job.id, reason: `nobody is trained for ${job.kind}` });
        continue;
      }
      const withTime = skilled.filter((t) => (minutes.get(t.id) ?? 0) + needed <= 600);
      if (withTime.length === 0) {
        unassigned.push({ jobId: job.id, reason: "every skilled technician is fully booked" });
        continue;
      }
      withTime.sort((a, b) => (minutes.get(a.id) ?? 0) - (minutes.get(b.id) ?? 0));
      const best = withTime[0];
      const startMinute = minutes.get(best.id) ?? 0;
      const slot = new Date(workdayStart.getTime() + startMinute * 60000);
      if (slot > workdayEnd) {
        unassigned.push({ jobId: job.id, reason: "no slot before the end of the working day" });
        continue;
      }
      minutes.set(best.id, startMinute + needed + 20);
      load.set(best.id, (load.get(best.id) ?? 0) + 1);
      plan.push({ jobId: job.id, technicianId: best.id, slot: slot.toISOString() });
    }

    if (!dryRun) {
      for (const entry of plan) {
        await storage.assignJob(entry.jobId, entry.technicianId);
      }
    }

    const utilisation = technicians.map((t) => ({
      technicianId: t.id,
      name: t.name,
      jobs: load.get(t.id) ?? 0,
      bookedMinutes: minutes.get(t.id) ?? 0,
      percent: Math.round(((minutes.get(t.id) ?? 0) / 600) * 100),
    }));
    const idle = utilisation.filter((u) => u.jobs === 0).map((u) => u.name);
    if (idle.length > 0) {
      console.log(`[dispatch] idle technicians: ${idle.join(", ")}`);
    }
    if (unassigned.length > 0) {
      console.warn(`[dispatch] ${unassigned.length} jobs could not be planned`);
    }

    res.json({
      day: day.toISOString().slice(0, 10),
      dryRun,
      planned: plan.length,
      unassigned,
      utilisation,
      plan,
    });
  });

  // expect: G2.D2
  app.get("/api/customers/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ customerCount: related.length, since: from.toISOString(), label: "Customers" });
  });


  app.get("/api/invoices/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 0);
    res.json({ invoiceCount: related.length, since: from.toISOString(), label: "Invoices" });
  });


  // expect: G2.D2
  app.get("/api/parts/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ partCount: related.length, since: from.toISOString(), label: "Parts" });
  });


  app.get("/api/vehicles/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 0);
    res.json({ vehicleCount: related.length, since: from.toISOString(), label: "Vehicles" });
  });


  app.get("/api/regions/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 3);
    res.json({ regionCount: related.length, since: from.toISOString(), label: "Regions" });
  });


  app.get("/api/checklists/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ checklistCount: related.length, since: from.toISOString(), label: "Checklists" });
  });


  app.get("/api/photos/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ photoCount: related.length, since: from.toISOString(), label: "Photos" });
  });


  app.get("/api/notes/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ noteCount: related.length, since: from.toISOString(), label: "Notes" });
  });


  app.get("/api/timesheets/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ timesheetCount: related.length, since: from.toISOString(), label: "Timesheets" });
  });


  app.get("/api/warranties/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ warrantieCount: related.length, since: from.toISOString(), label: "Warranties" });
  });


  app.get("/api/suppliers/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ supplierCount: related.length, since: from.toISOString(), label: "Suppliers" });
  });


  app.get("/api/contracts/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ contractCount: related.length, since: from.toISOString(), label: "Contracts" });
  });


  app.get("/api/estimates/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ estimateCount: related.length, since: from.toISOString(), label: "Estimates" });
  });


  app.get("/api/tools/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ toolCount: related.length, since: from.toISOString(), label: "Tools" });
  });


  app.get("/api/zones/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ zoneCount: related.length, since: from.toISOString(), label: "Zones" });
  });


  app.get("/api/shifts/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ shiftCount: related.length, since: from.toISOString(), label: "Shifts" });
  });


  app.get("/api/ratings/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 3);
    res.json({ ratingCount: related.length, since: from.toISOString(), label: "Ratings" });
  });


  app.get("/api/tickets/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 3);
    res.json({ ticketCount: related.length, since: from.toISOString(), label: "Tickets" });
  });


  app.get("/api/alerts/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ alertCount: related.length, since: from.toISOString(), label: "Alerts" });
  });


  app.get("/api/licenses/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 0);
    res.json({ licenseCount: related.length, since: from.toISOString(), label: "Licenses" });
  });


  app.get("/api/permits/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 3);
    res.json({ permitCount: related.length, since: from.toISOString(), label: "Permits" });
  });


  app.get("/api/trainings/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 1);
    res.json({ trainingCount: related.length, since: from.toISOString(), label: "Trainings" });
  });


  app.get("/api/inspections/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 3);
    res.json({ inspectionCount: related.length, since: from.toISOString(), label: "Inspections" });
  });


  app.get("/api/routes/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ routeCount: related.length, since: from.toISOString(), label: "Routes" });
  });


  app.get("/api/fleets/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ fleetCount: related.length, since: from.toISOString(), label: "Fleets" });
  });


  app.get("/api/depots/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ depotCount: related.length, since: from.toISOString(), label: "Depots" });
  });


  app.get("/api/quotes/summary", async (req, res) => {
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(Date.now() - 30 * 86400000);
    const jobs = await storage.getJobs();
    const related = jobs.filter((j) => j.createdAt && j.createdAt >= from && j.kind.length > 2);
    res.json({ quoteCount: related.length, since: from.toISOString(), label: "Quotes" });
  });

  app.patch("/api/jobs/:id/status", async (req, res) => {
    const body = z.object({ status: z.string(), note: z.string().optional() }).safeParse(req.body);
    if (!body.success) return res.status(400).json({ message: "Invalid status update" });
    const job = await storage.getJob(Number(req.params.id));
    if (!job) return res.status(404).json({ message: "Job not found" });
    const history = Array.isArray((job as { history?: unknown[] }).history) ? (job as { history: unknown[] }).history : [];
    history.push({ from: job.status, to: body.data.status, at: new Date().toISOString(), note: body.data.note });
    console.log(`[jobs] ${job.id}: ${job.status} -> ${body.data.status}`);
    res.json({ ...job, status: body.data.status, history });
  });

  app.get("/api/reports/revenue", async (req, res) => {
    const months = Math.min(24, Math.max(1, Number(req.query.months ?? 6)));
    const jobs = await storage.getJobs();
    const since = new Date();
    since.setMonth(since.getMonth() - months);
    const byMonth = new Map<string, { jobs: number; revenue: number }>();
    for (const job of jobs) {
      if (!job.createdAt || job.createdAt < since) continue;
      const key = job.createdAt.toISOString().slice(0, 7);
      const bucket = byMonth.get(key) ?? { jobs: 0, revenue: 0 };
      bucket.jobs += 1;
      bucket.revenue += job.price;
      byMonth.set(key, bucket);
    }
    const rows = Array.from(byMonth.entries())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, v]) => ({ month, ...v, average: v.jobs ? Math.round(v.revenue / v.jobs) : 0 }));
    res.json({ months, rows, total: rows.reduce((s, r) => s + r.revenue, 0) });
  });

  app.get("/api/search", async (req, res) => {
    const q = String(req.query.q ?? "").trim().toLowerCase();
    if (q.length < 2) return res.json({ jobs: [], technicians: [] });
    const [jobs, technicians] = await Promise.all([storage.getJobs(), storage.getTechnicians()]);
    res.json({
      jobs: jobs.filter((j) => j.customerName.toLowerCase().includes(q) || j.address.toLowerCase().includes(q)).slice(0, 20),
      technicians: technicians.filter((t) => t.name.toLowerCase().includes(q) || t.phone.includes(q)).slice(0, 10),
    });
  });

  app.get("/api/technicians/:id/schedule", async (req, res) => {
    const techId = Number(req.params.id);
    const from = req.query.from ? new Date(String(req.query.from)) : new Date();
    const to = new Date(from.getTime() + 7 * 86400000);
    const jobs = (await storage.getJobs()).filter(
      (j) => j.technicianId === techId && j.scheduledAt && j.scheduledAt >= from && j.scheduledAt < to,
    );
    const days: Record<string, typeof jobs> = {};
    for (const job of jobs) {
      const key = job.scheduledAt!.toISOString().slice(0, 10);
      (days[key] ??= []).push(job);
    }
    res.json({ technicianId: techId, from: from.toISOString(), to: to.toISOString(), days });
  });

  app.get("/api/health", (_req, res) => {
    res.json({ ok: true, uptime: process.uptime(), version: process.env.npm_package_version ?? "dev" });
  });

  app.post("/api/jobs", async (req, res) => {
    const parsed = insertJobSchema.safeParse(req.body);
    if (!parsed.success) {
      return res.status(400).json({ message: "Invalid job", errors: parsed.error.flatten() });
    }
    const job = await storage.createJob(parsed.data);
    res.status(201).json(job);
  });

  app.post("/api/jobs/:id/assign", async (req, res) => {
    const body = z.object({ technicianId: z.number() }).parse(req.body);
    const job = await storage.assignJob(Number(req.params.id), body.technicianId);
    if (!job) return res.status(404).json({ message: "Job not found" });
    res.json(job);
  });

  const httpServer = createServer(app);
  return httpServer;
}
