import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

const TaskInput = z.object({
  title: z.string().min(1).max(200),
  due: z.coerce.date(),
  projectId: z.string().cuid(),
});

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  // ok: G2.P2
  const parsed = TaskInput.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  const task = await db.task.create({ data: { ...parsed.data, userId: user.id } });
  return NextResponse.json(task, { status: 201 });
}
