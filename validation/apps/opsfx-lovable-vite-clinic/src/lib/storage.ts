// Small helpers around localStorage for UI state.
export function readJSON<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJSON(key: string, value: unknown) {
  // ok: G7.P2
  localStorage.setItem(key, JSON.stringify(value));
}
