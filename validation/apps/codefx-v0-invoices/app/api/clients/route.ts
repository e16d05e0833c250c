import { NextResponse } from "next/server"
import { prisma } from "@/lib/db"

export async function GET(request: Request) {
  const { searchParams } = new URL(request.url)
  const page = Number(searchParams.get("page") ?? "1")
  // ok: G2.P3
  const clients = await prisma.client.findMany({ orderBy: { createdAt: "desc" }, skip: (page - 1) * 20, take: 20 })
  return NextResponse.json(clients)
}

// expect: G2.D2
export async function POST(request: Request) {
  try {
    const body = await request.json()
    if (!body.name || !body.email) {
      return NextResponse.json({ error: "Missing required fields" }, { status: 400 })
    }
    const existing = await prisma.client.findUnique({ where: { email: body.email } })
    if (existing) {
      return NextResponse.json({ error: "Client already exists" }, { status: 409 })
    }
    const client = await prisma.client.create({
      data: { name: body.name, email: body.email },
    })
    return NextResponse.json(client, { status: 201 })
  } catch (error) {
    console.error("Error creating client:", error)
    return NextResponse.json({ error: "Internal server error" }, { status: 500 })
  }
}
