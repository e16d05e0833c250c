import { pgTable, text, serial, integer, timestamp } from "drizzle-orm/pg-core";
import { createInsertSchema } from "drizzle-zod";
import { z } from "zod";

export const members = pgTable("members", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  plan: text("plan").notNull().default("basic"),
});

export const classSessions = pgTable("class_sessions", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  coach: text("coach").notNull(),
  startsAt: timestamp("starts_at").notNull(),
  capacity: integer("capacity").notNull(),
});

export const checkIns = pgTable("check_ins", {
  id: serial("id").primaryKey(),
  memberId: integer("member_id").notNull(),
  sessionId: integer("session_id").notNull(),
  createdAt: timestamp("created_at").defaultNow().notNull(),
});

export const insertMemberSchema = createInsertSchema(members).omit({ id: true });
export const insertCheckInSchema = createInsertSchema(checkIns).omit({ id: true, createdAt: true });

export type Member = typeof members.$inferSelect;
export type InsertMember = z.infer<typeof insertMemberSchema>;
export type ClassSession = typeof classSessions.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;
export type InsertCheckIn = z.infer<typeof insertCheckInSchema>;
