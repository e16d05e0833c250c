create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users(id),
  full_name text not null,
  email text,
  company text,
  created_at timestamptz not null default now()
);

create table public.deals (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users(id),
  contact_id uuid references public.contacts(id) on delete set null,
  title text not null,
  value_cents integer not null check (value_cents >= 0),
  stage text not null default 'lead',
  close_date date
);

alter table public.contacts enable row level security;
alter table public.deals enable row level security;

create policy "own contacts" on public.contacts for all using (auth.uid() = owner_id) with check (auth.uid() = owner_id);
create policy "own deals" on public.deals for all using (auth.uid() = owner_id) with check (auth.uid() = owner_id);
