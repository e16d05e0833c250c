import { createClient } from 'npm:@supabase/supabase-js@2'

const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)

Deno.serve(async (req) => {
  const { lessonId } = await req.json()
  const { data: lesson } = await admin.from('lessons').select('id, starts_at, student_id').eq('id', lessonId).single()
  await fetch('https://api.resend.com/emails', {
    method: 'POST',
    headers: { Authorization: `Bearer ${Deno.env.get('RESEND_API_KEY')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ to: lesson?.student_id, subject: 'Lesson reminder', html: `Your lesson starts at ${lesson?.starts_at}` }),
  })
  return new Response(JSON.stringify({ ok: true }), { headers: { 'Content-Type': 'application/json' } })
})
