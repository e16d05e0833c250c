import { createBrowserClient } from "@supabase/ssr";

const url = import.meta.env.VITE_SUPABASE_URL as string | undefined;
const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;

if (!url || !anonKey) {
  throw new Error("VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY must be set at build time (see .env.example).");
}

/** Anon key only. Reads are limited by RLS; model calls and sending go through the `assistant` function. */
export const supabase = createBrowserClient(url, anonKey);

export type Role = "agent" | "admin";

export class RequestError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** Invokes the assistant edge function; the user's JWT is attached by supabase-js. */
export async function assistant<T>(body: Record<string, unknown>): Promise<T> {
  const { data, error } = await supabase.functions.invoke<T>("assistant", { body });
  if (error) {
    const context = (error as { context?: Response }).context;
    const payload: unknown = context ? await context.json().catch(() => null) : null;
    const code = payload && typeof payload === "object" && "error" in payload ? String(payload.error) : "request_failed";
    throw new RequestError(code);
  }
  return data as T;
}

/** Calls the Node server's admin API with the user's access token. */
export async function adminApi(path: string, init: RequestInit): Promise<void> {
  const { data } = await supabase.auth.getSession();
  const res = await fetch(path, {
    ...init,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${data.session?.access_token ?? ""}` },
  });
  if (!res.ok) {
    const payload = (await res.json().catch(() => ({}))) as { error?: string };
    throw new RequestError(payload.error ?? "request_failed");
  }
}

const messages: Record<string, string> = {
  ai_budget_exhausted: "This month's AI budget is used up. Write the reply yourself or ask an admin to raise the budget.",
  forbidden: "You don't have permission to do that.",
  cannot_change_own_access: "You can't change your own role or deactivate yourself.",
};

export const describeError = (err: unknown): string =>
  err instanceof RequestError ? (messages[err.code] ?? "Something went wrong. Please try again.") : "Network error. Please try again.";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
export const formatWhen = (iso: string) => dateTime.format(new Date(iso));
