import { cookies } from "next/headers";
import { createServerClient } from "@supabase/ssr";

export function createClient() {
  const cookieStore = cookies();
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: {
      get: (name: string) => cookieStore.get(name)?.value,
      set: (name: string, value: string, options: Record<string, unknown>) => cookieStore.set({ name, value, ...options }),
      remove: (name: string, options: Record<string, unknown>) => cookieStore.set({ name, value: "", ...options }),
    },
  });
}

export async function requireProfile() {
  const supabase = createClient();
  const { data: auth } = await supabase.auth.getUser();
  if (!auth.user) throw new Response("Unauthorized", { status: 401 });
  const { data: profile } = await supabase.from("profiles").select("id, email, full_name, role").eq("id", auth.user.id).single();
  if (!profile) throw new Response("Unauthorized", { status: 401 });
  return { supabase, profile };
}

export async function requireAdmin() {
  const ctx = await requireProfile();
  if (ctx.profile.role !== "admin") throw new Response("Forbidden", { status: 403 });
  return ctx;
}
