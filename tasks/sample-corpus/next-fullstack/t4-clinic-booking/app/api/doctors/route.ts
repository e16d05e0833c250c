import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";

export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const q = searchParams.get("q") ?? "";
  const specialty = searchParams.get("specialty");

  if (q || specialty) {
    let sql = `SELECT * FROM "Doctor" WHERE name ILIKE '%${q}%'`;
    if (specialty) sql += ` AND specialty = '${specialty}'`;
    const doctors = await prisma.$queryRawUnsafe(sql + ` ORDER BY name`);
    return NextResponse.json(doctors);
  }

  const doctors = await prisma.doctor.findMany({ orderBy: { name: "asc" } });
  return NextResponse.json(doctors);
}

export async function POST(req: Request) {
  const data = await req.json();
  const doctor = await prisma.doctor.create({ data });
  return NextResponse.json(doctor, { status: 201 });
}
