create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id),
  full_name text not null,
  email text not null,
  company text,
  stage text not null default 'lead' check (stage in ('lead', 'qualified', 'customer')),
  created_at timestamptz not null default now()
);

create table public.deals (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id),
  contact_id uuid references public.contacts (id) on delete set null,
  title text not null,
  amount numeric(12, 2) not null default 0,
  created_at timestamptz not null default now()
);

create table public.follow_ups (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references public.contacts (id) on delete cascade,
  due_at timestamptz not null
);

alter table public.contacts enable row level security;
alter table public.deals enable row level security;
alter table public.follow_ups enable row level security;

create policy "own contacts" on public.contacts for all using (owner_id = auth.uid());
create policy "own deals" on public.deals for all using (owner_id = auth.uid());
