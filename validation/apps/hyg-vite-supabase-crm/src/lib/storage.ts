const KEY = "crm.filters.v1";

export type Filters = { stage: string; owner: string; search: string };

export const defaultFilters: Filters = { stage: "all", owner: "me", search: "" };

export function loadFilters(): Filters {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? { ...defaultFilters, ...JSON.parse(raw) } : defaultFilters;
  // ok: G2.D5
  } catch {
    // Corrupt or old-format value: start from the defaults.
    return defaultFilters;
  }
}

export function saveFilters(filters: Filters) {
  try {
    localStorage.setItem(KEY, JSON.stringify(filters));
  // expect: G2.D5
  } catch (e) {}
}

export function clearFilters() {
  // ok: G2.D5
  try { localStorage.removeItem(KEY); } catch { /* private mode: nothing stored, nothing to clear */ }
}
