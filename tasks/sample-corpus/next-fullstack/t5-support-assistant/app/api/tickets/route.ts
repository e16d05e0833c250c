import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth";

const querySchema = z.object({
  status: z.enum(["open", "pending", "solved", "all"]).default("all"),
  page: z.coerce.number().int().min(1).default(1),
});

export async function GET(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });

  const { searchParams } = new URL(req.url);
  const search = searchParams.get("search");

  if (search) {
    const rows = await prisma.$queryRawUnsafe(
      `SELECT t.*, c.email AS "customerEmail" FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId"
       WHERE t.subject ILIKE '%` + search + `%' OR c.email ILIKE '%` + search + `%'
       ORDER BY t."createdAt" DESC`
    );
    return NextResponse.json({ tickets: rows });
  }

  const parsed = querySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  const { status, page } = parsed.data;

  const tickets = await prisma.ticket.findMany({
    where: status === "all" ? {} : { status },
    include: { customer: true, assignee: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    skip: (page - 1) * 25,
    take: 25,
  });

  return NextResponse.json({ tickets });
}
