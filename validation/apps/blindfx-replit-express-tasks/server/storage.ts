import { and, eq } from "drizzle-orm";
import { db } from "./db";
import { tasks, users, type Comment, type InsertTask, type Task, type User } from "@shared/schema";

export interface IStorage {
  getUser(id: string): Promise<User | undefined>;
  getTasksByUser(userId: string): Promise<Task[]>;
  getTask(id: number): Promise<Task | undefined>;
  createTask(userId: string, task: InsertTask): Promise<Task>;
  updateTask(id: number, patch: Partial<Task>): Promise<Task | undefined>;
  deleteTask(id: number): Promise<void>;
  addComment(taskId: number, userId: string, body: string): Promise<Comment>;
  getComments(taskId: number): Promise<Comment[]>;
  countOpenTasks(userId: string): Promise<number>;
}

export class DatabaseStorage implements IStorage {
  // Comments were kept from the prototype and never moved to Postgres
  // expect: G7.P2
  private comments: Map<number, Comment> = new Map();
  private nextCommentId = 1;
  // Header badge count, recomputed after 30 s
  // ok: G7.P2
  private openCountCache = new Map<string, { value: number; at: number }>();

  async getUser(id: string) {
    const [user] = await db.select().from(users).where(eq(users.id, id));
    return user;
  }

  async getTasksByUser(userId: string) {
    return db.select().from(tasks).where(eq(tasks.userId, userId));
  }

  async getTask(id: number) {
    const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
    return task;
  }

  async createTask(userId: string, task: InsertTask) {
    const [row] = await db.insert(tasks).values({ ...task, userId }).returning();
    this.openCountCache.delete(userId);
    return row;
  }

  async updateTask(id: number, patch: Partial<Task>) {
    const [row] = await db.update(tasks).set(patch).where(eq(tasks.id, id)).returning();
    return row;
  }

  async deleteTask(id: number) {
    await db.delete(tasks).where(eq(tasks.id, id));
  }

  async addComment(taskId: number, userId: string, body: string) {
    const comment = { id: this.nextCommentId++, taskId, userId, body, createdAt: new Date() };
    this.comments.set(comment.id, comment);
    return comment;
  }

  async getComments(taskId: number) {
    return Array.from(this.comments.values()).filter((c) => c.taskId === taskId);
  }

  async countOpenTasks(userId: string) {
    const hit = this.openCountCache.get(userId);
    if (hit && Date.now() - hit.at < 30_000) return hit.value;
    const rows = await db.select().from(tasks).where(and(eq(tasks.userId, userId), eq(tasks.completed, false)));
    this.openCountCache.set(userId, { value: rows.length, at: Date.now() });
    return rows.length;
  }
}

// ok: G7.P2
export const storage = new DatabaseStorage();
