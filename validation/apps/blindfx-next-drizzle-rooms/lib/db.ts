import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

// ok: G4.P1, G7.P2
const client = postgres(process.env.DATABASE_URL!);
export const db = drizzle(client, { schema });
