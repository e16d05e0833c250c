create table public.deals (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  stage text not null default 'lead',
  amount numeric not null default 0,
  customer_name text not null,
  created_at timestamptz not null default now()
);

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  full_name text not null,
  email text,
  company text,
  phone text
);

alter table public.deals enable row level security;
alter table public.contacts enable row level security;
create policy "team reads deals" on public.deals for select to authenticated using (true);
create policy "team reads contacts" on public.contacts for select to authenticated using (true);
