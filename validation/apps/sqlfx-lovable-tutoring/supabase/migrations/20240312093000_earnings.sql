-- expect: G4.D1
create or replace function public.tutor_earnings(tutor uuid)
returns numeric
language sql
security definer
as $$
  select coalesce(sum(t.hourly_rate), 0) from public.lessons l join public.tutors t on t.id = l.tutor_id where l.tutor_id = tutor
$$;

-- ok: G4.D1
create or replace function public.my_lesson_count()
returns bigint
language sql
stable
security definer
set search_path = public
as $$
  select count(*) from public.lessons where student_id = auth.uid()
$$;
