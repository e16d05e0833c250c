import { and, count, eq } from "drizzle-orm";
import { db } from "./db";
import { invoices, users, type Invoice, type User } from "@shared/schema";

export interface IStorage {
  getUser(id: string): Promise<User | undefined>;
  getInvoice(id: string): Promise<Invoice | undefined>;
  getUserInvoice(id: string, userId: string): Promise<Invoice | undefined>;
  getInvoicesForUser(userId: string): Promise<Invoice[]>;
  countInvoices(): Promise<number>;
  updateUser(id: string, data: Partial<User>): Promise<User>;
  markPaid(id: string, userId: string): Promise<boolean>;
}

export class DatabaseStorage implements IStorage {
  async getUser(id: string): Promise<User | undefined> {
    const [user] = await db.select().from(users).where(eq(users.id, id));
    return user;
  }

  async getInvoice(id: string): Promise<Invoice | undefined> {
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    return invoice;
  }

  async getUserInvoice(id: string, userId: string): Promise<Invoice | undefined> {
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.id, id), eq(invoices.userId, userId)));
    return invoice;
  }

  async getInvoicesForUser(userId: string): Promise<Invoice[]> {
    return db.select().from(invoices).where(eq(invoices.userId, userId));
  }

  async countInvoices(): Promise<number> {
    const [row] = await db.select({ value: count() }).from(invoices);
    return row.value;
  }

  async updateUser(id: string, data: Partial<User>): Promise<User> {
    const [user] = await db.update(users).set(data).where(eq(users.id, id)).returning();
    return user;
  }

  async markPaid(id: string, userId: string): Promise<boolean> {
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    if (!invoice || invoice.userId !== userId) return false;
    await db.update(invoices).set({ status: "paid" }).where(eq(invoices.id, id));
    return true;
  }
}

export const storage = new DatabaseStorage();
