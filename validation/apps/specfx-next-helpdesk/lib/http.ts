export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

/** JSON request with a short retry on network errors and 5xx responses. */
export async function requestJson<T>(url: string, init?: RequestInit, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers } });
      if (res.status >= 500 && attempt < retries) throw new HttpError(res.status, 'server error');
      if (!res.ok) throw new HttpError(res.status, (await res.json().catch(() => ({}))).error ?? res.statusText);
      return (await res.json()) as T;
    } catch (err) {
      if (attempt >= retries || (err instanceof HttpError && err.status < 500)) throw err;
      // ok: G1.D1
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}
