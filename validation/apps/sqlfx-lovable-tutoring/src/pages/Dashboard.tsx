import { useEffect, useState } from 'react'
import { supabase } from '../lib/supabase'

type Lesson = { id: string; tutor_id: string; starts_at: string }

export async function loadAllLessons() {
  // expect: G4.P5
  const { data } = await supabase.from('lessons').select('*').order('starts_at', { ascending: false })
  return data ?? []
}

export async function loadLessonsWithTutors(userId: string) {
  const { data: lessons } = await supabase.from('lessons').select('id, tutor_id, starts_at').eq('student_id', userId).limit(20)
  const out = []
  for (const lesson of lessons ?? []) {
    // expect: G4.P5
    const { data: tutor } = await supabase.from('tutors').select('bio, hourly_rate').eq('id', lesson.tutor_id).single()
    out.push({ ...lesson, tutor })
  }
  return out
}

export async function loadUnread(lessonIds: string[]) {
  const { data: lessons } = await supabase.from('lessons').select('id').in('id', lessonIds).limit(20)
  return Promise.all((lessons ?? []).map(async (l) => {
    // expect: G4.P5
    const { count } = await supabase.from('messages').select('id', { count: 'exact', head: true }).eq('lesson_id', l.id)
    return { id: l.id, unread: count ?? 0 }
  }))
}

export async function loadThread(lessonId: string) {
  // ok: G4.P5
  const { data } = await supabase.from('messages').select('id, body, created_at').eq('lesson_id', lessonId).order('created_at').limit(100)
  return data ?? []
}

export async function loadSubjects() {
  // ok: G4.P5
  const { data } = await supabase.from('subjects').select('id, name').order('name')
  return data ?? []
}

export default function Dashboard() {
  const [lessons, setLessons] = useState<Lesson[]>([])
  useEffect(() => { loadAllLessons().then(setLessons) }, [])
  return <ul>{lessons.map((l) => <li key={l.id}>{l.starts_at}</li>)}</ul>
}
