// Sample rows loaded by scripts/seed.ts into a fresh development database.
// ok: G1.D2
export const rooms = [
  { name: "Skyline Suite", city: "Lisbon", capacity: 12, hourlyRateCents: 4500 },
  { name: "Harbor Room", city: "Lisbon", capacity: 6, hourlyRateCents: 2500 },
  { name: "Garden Loft", city: "Porto", capacity: 20, hourlyRateCents: 6000 },
];
