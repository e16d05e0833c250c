import { supabase } from './supabase'

export async function archiveHabit(id: string) {
  const { error } = await supabase.from('habits').update({ archived_at: new Date().toISOString() }).eq('id', id)
  if (error) throw error
}
