import { createClient } from 'npm:@supabase/supabase-js@2'

Deno.serve(async (req) => {
  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!, {
    global: { headers: { Authorization: req.headers.get('Authorization')! } },
  })
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { data } = await supabase.from('check_ins').select('habit_id, day').gte('day', new Date(Date.now() - 7 * 864e5).toISOString()).limit(500)
  return new Response(JSON.stringify({ count: data?.length ?? 0 }), { headers: { 'Content-Type': 'application/json' } })
})
