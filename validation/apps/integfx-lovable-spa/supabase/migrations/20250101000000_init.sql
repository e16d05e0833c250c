create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references auth.users,
  pet_name text not null,
  owner_email text,
  starts_at timestamptz not null,
  paid boolean default false,
  confirmed boolean default false,
  payment_ref text
);
alter table public.appointments enable row level security;
insert into storage.buckets (id, name, public) values ('medical-records', 'medical-records', true);
