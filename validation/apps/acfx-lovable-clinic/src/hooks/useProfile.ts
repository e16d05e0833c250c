import { supabase } from '@/integrations/supabase/client';

export async function saveProfile(userId: string, fullName: string, phone: string) {
  const { error } = await supabase.from('profiles').update({ full_name: fullName, phone }).eq('id', userId);
  if (error) throw error;
}

export async function listServices() {
  const { data } = await supabase.from('services').select('*');
  return data ?? [];
}

export async function postReview(rating: number, body: string, authorId: string) {
  return supabase.from('reviews').insert({ rating, body, author_id: authorId });
}
