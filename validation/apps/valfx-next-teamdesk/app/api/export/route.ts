import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const { filename } = await request.json();
  const safeName = String(filename ?? "tasks").replace(/[^a-z0-9-]/gi, "").slice(0, 40);
  const tasks = await db.task.findMany({ where: { userId: user.id } });
  const csv = ["title,due", ...tasks.map((t) => `${t.title},${t.due.toISOString()}`)].join("\n");
  return new NextResponse(csv, {
    headers: { "Content-Type": "text/csv", "Content-Disposition": `attachment; filename="${safeName || "tasks"}.csv"` },
  });
}
