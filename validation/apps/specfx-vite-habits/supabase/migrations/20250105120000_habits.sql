create table public.habits (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users on delete cascade,
  name text not null,
  created_at timestamptz not null default now()
);
create table public.check_ins (
  id uuid primary key default gen_random_uuid(),
  habit_id uuid not null references public.habits on delete cascade,
  day date not null default current_date,
  unique (habit_id, day)
);
alter table public.habits enable row level security;
alter table public.check_ins enable row level security;
create policy "own habits" on public.habits for all using (user_id = auth.uid()) with check (user_id = auth.uid());
create policy "own check-ins" on public.check_ins for all
  using (exists (select 1 from public.habits h where h.id = habit_id and h.user_id = auth.uid()));
