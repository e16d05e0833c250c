export type Task = { id: number; title: string; done: boolean; dueOn: string | null };

// Deployed builds call the API on the same origin unless VITE_API_URL points elsewhere.
const BASE = import.meta.env.VITE_API_URL ?? "";

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${BASE}/api${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...init?.headers },
  });
  if (!res.ok) {
    const body = await res.json().catch(() => ({ error: res.statusText }));
    throw new Error(body.error ?? `Request failed (${res.status})`);
  }
  return res.status === 204 ? (undefined as T) : res.json();
}

export const api = {
  list: () => request<Task[]>("/tasks"),
  create: (title: string, dueOn: string | null) => request<Task>("/tasks", { method: "POST", body: JSON.stringify({ title, dueOn }) }),
  toggle: (id: number, done: boolean) => request<Task>(`/tasks/${id}`, { method: "PATCH", body: JSON.stringify({ done }) }),
  remove: (id: number) => request<void>(`/tasks/${id}`, { method: "DELETE" }),
};
