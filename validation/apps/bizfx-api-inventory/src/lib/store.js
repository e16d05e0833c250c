// In-memory store for the pilot; swap for Postgres before the second warehouse goes live.
export const products = new Map();
export const warehouses = new Map();

export function paginate(items, limit, offset) {
  return items.slice(offset, offset + limit);
}
