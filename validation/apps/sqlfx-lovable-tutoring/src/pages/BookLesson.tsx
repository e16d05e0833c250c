import { useState } from 'react'
import { supabase } from '../lib/supabase'

export async function bookLesson(tutorId: string, startsAt: string, subjectId: number) {
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) throw new Error('Please sign in')
  const { data: taken } = await supabase.from('lessons').select('id').eq('tutor_id', tutorId).eq('starts_at', startsAt)
  if (taken && taken.length > 0) throw new Error('This slot is already booked')
  // expect: G4.P4
  const { error } = await supabase.from('lessons').insert({ tutor_id: tutorId, student_id: user.id, subject_id: subjectId, starts_at: startsAt })
  if (error) throw error
}

export async function sendMessage(lessonId: string, body: string) {
  const { data: { user } } = await supabase.auth.getUser()
  // ok: G4.P4
  const { error } = await supabase.from('messages').insert({ lesson_id: lessonId, sender_id: user!.id, body })
  if (error) throw error
}

export async function updateBio(tutorId: string, bio: string) {
  const { data: tutor } = await supabase.from('tutors').select('bio').eq('id', tutorId).single()
  if (tutor?.bio === bio) return
  // ok: G4.P4
  await supabase.from('tutors').update({ bio }).eq('id', tutorId)
}

export async function completeLesson(lessonId: string, tutorId: string) {
  const { data: tutor } = await supabase.from('tutors').select('id, lessons_taught').eq('id', tutorId).single()
  if (!tutor) return
  // expect: G4.P4
  await supabase.from('tutors').update({ lessons_taught: tutor.lessons_taught + 1 }).eq('id', tutorId)
  await supabase.from('lessons').update({ completed: true }).eq('id', lessonId)
}

export default function BookLessonPage({ tutorId }: { tutorId: string }) {
  const [slot, setSlot] = useState('')
  return (
    <form onSubmit={(e) => { e.preventDefault(); bookLesson(tutorId, slot, 1) }}>
      <input type="datetime-local" value={slot} onChange={(e) => setSlot(e.target.value)} />
      <button type="submit">Book</button>
    </form>
  )
}
