import { createBrowserClient } from "@supabase/ssr";

const url = import.meta.env.VITE_SUPABASE_URL as string | undefined;
const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;

if (!url || !anonKey) {
  throw new Error("VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY must be set at build time (see .env.example).");
}

/** Browser client: anon key only. What a user can read is decided by Row Level Security. */
export const supabase = createBrowserClient(url, anonKey);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** Calls our own API (same origin) with the user's access token. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  const res = await fetch(path, {
    ...init,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
  const body: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const code = typeof body === "object" && body && "error" in body ? String(body.error) : "request_failed";
    throw new ApiError(res.status, code);
  }
  return body as T;
}

const messages: Record<string, string> = {
  slot_taken: "Sorry, someone has just booked that slot. Please choose another time.",
  too_late_to_cancel: "Appointments can only be cancelled up to 2 hours before. Please call the front desk.",
  outside_working_hours: "The doctor is not available at that time.",
  unauthenticated: "Your session has expired. Please sign in again.",
  already_invoiced: "This visit already has an invoice.",
};

export const friendlyError = (err: unknown): string =>
  err instanceof ApiError ? (messages[err.code] ?? "Something went wrong. Please try again.") : "Network error. Please check your connection.";
