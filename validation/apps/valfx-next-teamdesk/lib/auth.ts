import { cookies } from "next/headers";
import { db } from "./db";

export async function currentUser() {
  const token = cookies().get("session")?.value;
  if (!token) return null;
  return db.session.findUnique({ where: { token } }).then((s) => (s ? db.user.findUnique({ where: { id: s.userId } }) : null));
}
