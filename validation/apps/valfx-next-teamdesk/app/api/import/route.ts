import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

// Import tasks from a public CSV the user links to
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // expect: G2.P2
  const { csvUrl } = await request.json();
  const res = await fetch(csvUrl);
  if (!res.ok) {
    return NextResponse.json({ error: "Could not download the file" }, { status: 400 });
  }
  const rows = (await res.text()).split("\n").slice(1);
  for (const row of rows) {
    const [title, due] = row.split(",");
    await db.task.create({ data: { title, due: new Date(due), userId: user.id } });
  }
  return NextResponse.json({ imported: rows.length });
}
