create table public.habits (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null,
  color text not null default '#22c55e',
  created_at timestamptz not null default now()
);
create index habits_user_id_idx on public.habits (user_id);
alter table public.habits enable row level security;

create policy "habits: owner reads" on public.habits for select to authenticated using ((select auth.uid()) = user_id);
create policy "habits: owner inserts" on public.habits for insert to authenticated with check ((select auth.uid()) = user_id);
create policy "habits: owner updates" on public.habits for update to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "habits: owner deletes" on public.habits for delete to authenticated using ((select auth.uid()) = user_id);

create table public.check_ins (
  id uuid primary key default gen_random_uuid(),
  habit_id uuid not null references public.habits (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  day date not null,
  created_at timestamptz not null default now(),
  unique (habit_id, day)
);
create index check_ins_user_day_idx on public.check_ins (user_id, day);
alter table public.check_ins enable row level security;

create policy "check_ins: owner reads" on public.check_ins for select to authenticated using ((select auth.uid()) = user_id);
create policy "check_ins: owner writes" on public.check_ins for insert to authenticated with check ((select auth.uid()) = user_id);
create policy "check_ins: owner deletes" on public.check_ins for delete to authenticated using ((select auth.uid()) = user_id);

create or replace function public.current_streak(p_habit uuid)
returns integer
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*)::int from public.check_ins where habit_id = p_habit and user_id = auth.uid() and day > current_date - 30
$$;
