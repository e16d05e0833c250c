import { jobs, technicians, type Job, type InsertJob, type Technician, type InsertTechnician } from "@shared/schema";
import { db } from "./db";
import { eq, and, desc } from "drizzle-orm";
import { notifyTechnician } from "./notifications";

export interface IStorage {
  getJobs(): Promise<Job[]>;
  getJob(id: number): Promise<Job | undefined>;
  createJob(job: InsertJob): Promise<Job>;
  assignJob(id: number, technicianId: number): Promise<Job | undefined>;
  getTechnicians(): Promise<Technician[]>;
  getTechnician(id: number): Promise<Technician | undefined>;
  createTechnician(t: InsertTechnician): Promise<Technician>;
}

export class DatabaseStorage implements IStorage {
  async getJobs(): Promise<Job[]> {
    // ok: G2.P3
    return db.select().from(jobs).orderBy(desc(jobs.createdAt));
  }

  // ok: G2.D2
  async getJob(id: number): Promise<Job | undefined> {
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    return job;
  }

  async createJob(job: InsertJob): Promise<Job> {
    const [created] = await db.insert(jobs).values(job).returning();
    return created;
  }

  async assignJob(id: number, technicianId: number): Promise<Job | undefined> {
    const [job] = await db.update(jobs).set({ technicianId, status: "assigned" }).where(and(eq(jobs.id, id))).returning();
    if (job) await notifyTechnician(technicianId, job);
    return job;
  }

  async getTechnicians(): Promise<Technician[]> {
    return db.select().from(technicians).where(eq(technicians.active, true));
  }

  async getTechnician(id: number): Promise<Technician | undefined> {
    const [tech] = await db.select().from(technicians).where(eq(technicians.id, id));
    return tech;
  }

  async createTechnician(t: InsertTechnician): Promise<Technician> {
    const [created] = await db.insert(technicians).values(t).returning();
    return created;
  }
}

export const storage = new DatabaseStorage();
