create table public.plans (id text primary key, name text not null, price_cents integer not null check (price_cents > 0));
create table public.members (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  email text not null,
  role text not null default 'member' check (role in ('member', 'admin'))
);
create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  customer_email text not null,
  amount_cents integer not null check (amount_cents > 0),
  status text not null default 'draft'
);
alter table public.plans enable row level security;
alter table public.members enable row level security;
alter table public.invoices enable row level security;
create policy "plans are public" on public.plans for select using (true);
