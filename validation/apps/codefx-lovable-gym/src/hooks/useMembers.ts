import { useQuery } from "@tanstack/react-query";
import { supabase } from "@/integrations/supabase/client";

export function useMembers() {
  return useQuery({
    queryKey: ["members"],
    queryFn: async () => {
      // ok: G2.P3
      const { data, error } = await supabase.from("members").select("*").order("joined_at", { ascending: false });
      if (error) throw error;
      return data;
    },
  });
}

export function useClasses() {
  return useQuery({
    queryKey: ["classes"],
    queryFn: async () => {
      // ok: G2.P3
      const { data, error } = await supabase.from("classes").select("*, trainers(full_name)").gte("starts_at", new Date().toISOString());
      if (error) throw error;
      return data;
    },
  });
}
