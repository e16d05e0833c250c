import { useEffect, useState } from 'react'
import { supabase } from '../lib/supabase'

type Habit = { id: string; name: string; color: string }

export async function loadHabits(userId: string) {
  const { data, error } = await supabase.from('habits').select('id, name, color').eq('user_id', userId).order('created_at').limit(100)
  if (error) throw error
  return data as Habit[]
}

export async function loadToday(userId: string, day: string) {
  const { data } = await supabase.from('check_ins').select('habit_id').eq('user_id', userId).eq('day', day).limit(100)
  return new Set((data ?? []).map((c) => c.habit_id))
}

export async function checkIn(habitId: string, userId: string, day: string) {
  const { error } = await supabase.from('check_ins').insert({ habit_id: habitId, user_id: userId, day })
  if (error && error.code !== '23505') throw error
}

export default function Today({ userId }: { userId: string }) {
  const [habits, setHabits] = useState<Habit[]>([])
  useEffect(() => { loadHabits(userId).then(setHabits) }, [userId])
  return <ul>{habits.map((h) => <li key={h.id} style={{ color: h.color }}>{h.name}</li>)}</ul>
}
