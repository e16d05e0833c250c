import { cookies } from "next/headers";
import { prisma } from "./db";

export type SessionUser = { id: string; email: string; role: "patient" | "staff" | "admin" };

export async function getSession(): Promise<SessionUser | null> {
  const token = cookies().get("session")?.value;
  if (!token) return null;
  const session = await prisma.user.findFirst({ where: { id: token } });
  return session ? { id: session.id, email: session.email, role: session.role as SessionUser["role"] } : null;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await getSession();
  if (!user || user.role !== "admin") throw new Response("Forbidden", { status: 403 });
  return user;
}
