export type Code = { percentOff: number; expiresAt: Date | null; active: boolean }

export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '')
}

export function isUsable(code: Code | null, now = new Date()): code is Code {
  return !!code && code.active && (code.expiresAt === null || code.expiresAt > now)
}

/** Applies a percentage discount, rounded to the paisa; unusable codes leave the total unchanged. */
export function applyDiscount(total: number, code: Code | null, now = new Date()) {
  if (!isUsable(code, now)) return { total, discount: 0 }
  const discount = Math.round(total * Math.min(code.percentOff, 100)) / 100
  return { total: Math.round((total - discount) * 100) / 100, discount }
}
