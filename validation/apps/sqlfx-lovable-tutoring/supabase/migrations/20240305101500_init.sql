-- Tutor Match initial schema

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null,
  avatar_url text,
  created_at timestamptz not null default now()
);
alter table public.profiles enable row level security;

-- ok: G4.D1
create policy "Profiles are viewable by owner" on public.profiles for select to authenticated using ((select auth.uid()) = id);
-- ok: G4.D1
create policy "Users can update own profile" on public.profiles for update to authenticated using ((select auth.uid()) = id) with check ((select auth.uid()) = id);

create table public.subjects (
  id serial primary key,
  name text not null unique
);
alter table public.subjects enable row level security;
-- ok: G4.D1
create policy "Subjects are public" on public.subjects for select using (true);

create table public.tutors (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  hourly_rate numeric not null,
  lessons_taught int not null default 0,
  bio text
);
create index tutors_user_id_idx on public.tutors (user_id);
alter table public.tutors enable row level security;
-- ok: G4.D1
create policy "Tutors manage own listing" on public.tutors for all to authenticated using (user_id = auth.uid()) with check (user_id = auth.uid());

-- expect: G4.D1
create table public.lessons (
  id uuid primary key default gen_random_uuid(),
  -- expect: G2.P1
  tutor_id uuid not null references public.tutors (id),
  -- ok: G2.P1
  student_id uuid not null references auth.users (id),
  subject_id int not null references public.subjects (id),
  starts_at timestamptz not null,
  notes text,
  completed boolean not null default false
);
create index lessons_student_idx on public.lessons (student_id, starts_at);
create index lessons_subject_idx on public.lessons (subject_id);

create table public.messages (
  id bigint generated always as identity primary key,
  -- expect: G2.P1
  sender_id uuid not null references auth.users (id),
  -- ok: G2.P1
  lesson_id uuid not null references public.lessons (id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now()
);
create index messages_lesson_idx on public.messages (lesson_id, created_at);
alter table public.messages enable row level security;
-- expect: G4.D1
create policy "Enable read access for all users" on public.messages for select using (true);
-- ok: G4.D1
create policy "Senders insert own messages" on public.messages for insert to authenticated with check (sender_id = (select auth.uid()));

create or replace function public.handle_new_user()
returns trigger
language plpgsql
-- ok: G4.D1
security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name) values (new.id, coalesce(new.raw_user_meta_data ->> 'full_name', ''));
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users for each row execute procedure public.handle_new_user();
