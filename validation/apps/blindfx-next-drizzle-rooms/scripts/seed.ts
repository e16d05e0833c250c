import { db } from "../lib/db";
import { rooms as roomsTable } from "../lib/schema";
import { rooms } from "../lib/data/placeholder-data";

async function main() {
  await db.insert(roomsTable).values(rooms).onConflictDoNothing();
  console.log(`Seeded ${rooms.length} rooms`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
