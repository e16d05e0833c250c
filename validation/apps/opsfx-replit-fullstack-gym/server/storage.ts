import type { Member, InsertMember, ClassSession, CheckIn, InsertCheckIn } from "@shared/schema";

// modify the interface with any CRUD methods
// you might need

export interface IStorage {
  getMembers(): Promise<Member[]>;
  getMemberByEmail(email: string): Promise<Member | undefined>;
  createMember(member: InsertMember): Promise<Member>;
  getSessions(): Promise<ClassSession[]>;
  createCheckIn(checkIn: InsertCheckIn): Promise<CheckIn>;
  getCheckInsForSession(sessionId: number): Promise<CheckIn[]>;
}

export class MemStorage implements IStorage {
  // expect: G7.P2
  private members: Map<number, Member>;
  // ok: G7.P2
  private sessions: Map<number, ClassSession>;
  // expect: G7.P2
  private checkIns: Map<number, CheckIn>;
  private currentId: number;

  constructor() {
    this.members = new Map();
    this.sessions = new Map();
    this.checkIns = new Map();
    this.currentId = 1;
    const now = Date.now();
    [
      { title: "Morning HIIT", coach: "Lena", startsAt: new Date(now + 3600_000), capacity: 16 },
      { title: "Yoga Flow", coach: "Ravi", startsAt: new Date(now + 7200_000), capacity: 20 },
    ].forEach((s) => {
      const id = this.currentId++;
      this.sessions.set(id, { ...s, id });
    });
  }

  async getMembers(): Promise<Member[]> {
    return Array.from(this.members.values());
  }

  async getMemberByEmail(email: string): Promise<Member | undefined> {
    return Array.from(this.members.values()).find((m) => m.email === email);
  }

  async createMember(insertMember: InsertMember): Promise<Member> {
    const id = this.currentId++;
    const member: Member = { ...insertMember, id, plan: insertMember.plan ?? "basic" };
    this.members.set(id, member);
    return member;
  }

  async getSessions(): Promise<ClassSession[]> {
    return Array.from(this.sessions.values()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  async createCheckIn(insertCheckIn: InsertCheckIn): Promise<CheckIn> {
    const id = this.currentId++;
    const checkIn: CheckIn = { ...insertCheckIn, id, createdAt: new Date() };
    this.checkIns.set(id, checkIn);
    return checkIn;
  }

  async getCheckInsForSession(sessionId: number): Promise<CheckIn[]> {
    return Array.from(this.checkIns.values()).filter((c) => c.sessionId === sessionId);
  }
}

export const storage = new MemStorage();
