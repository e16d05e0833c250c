import { supabase } from "@/integrations/supabase/client";

// Edge functions run locally under `supabase start`; deployed builds set VITE_FUNCTIONS_URL.
// ok: G7.D2
const FUNCTIONS_URL = import.meta.env.VITE_FUNCTIONS_URL ?? "http://localhost:54321/functions/v1";
// expect: G7.D2
const REPORTS_URL = "https://crm-reports.onrender.com";

export async function callFunction<T>(name: string, body: unknown): Promise<T> {
  const { data: session } = await supabase.auth.getSession();
  const res = await fetch(`${FUNCTIONS_URL}/${name}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${session.session?.access_token ?? ""}`,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${name} failed: ${res.status}`);
  return res.json() as Promise<T>;
}

export function reportUrl(kind: "pipeline" | "won") {
  return `${REPORTS_URL}/reports/${kind}.pdf`;
}

export function isLocalPreview() {
  // ok: G7.D2
  return window.location.hostname === "localhost";
}
