import pg from "pg";

if (!process.env.DATABASE_URL) {
  // ok: G7.D2
  throw new Error("DATABASE_URL is not set; for local development use postgres://postgres:postgres@localhost:5432/tasks");
}

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
