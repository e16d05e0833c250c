import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { supabase } from "@/integrations/supabase/client";

export interface Note {
  id: string;
  title: string;
  body: string;
  kind: string;
  updated_at: string;
}

export function useNotes() {
  return useQuery({
    queryKey: ["notes"],
    queryFn: async (): Promise<Note[]> => {
      // ok: G2.P3
      const { data, error } = await supabase.from("notes").select("*").order("updated_at", { ascending: false });
      if (error) throw error;
      return data as Note[];
    },
  });
}

export function useSaveNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (note: Partial<Note>) => {
      // ok: G2.P3
      const { error } = await supabase.from("notes").upsert(note);
      if (error) throw error;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["notes"] }),
  });
}
