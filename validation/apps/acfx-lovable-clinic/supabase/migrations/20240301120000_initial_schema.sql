-- Clinic booking schema
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text,
  phone text,
  role text not null default 'patient',
  created_at timestamptz default now()
);

alter table public.profiles enable row level security;

-- ok: G4.P2
create policy "Users can view own profile" on public.profiles for select using (auth.uid() = id);
-- expect: G4.P2
create policy "Users can update own profile" on public.profiles for update using (auth.uid() = id);
-- ok: G4.P2
create policy "Users can insert own profile" on public.profiles for insert with check (auth.uid() = id);

create table public.services (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  duration_minutes int not null,
  price numeric not null
);
alter table public.services enable row level security;
-- ok: G4.P2
create policy "Services are viewable by everyone" on public.services for select using (true);

create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references auth.users (id),
  service_id uuid references public.services (id),
  starts_at timestamptz not null,
  notes text
);
alter table public.appointments enable row level security;
-- ok: G4.P2
create policy "Patients manage their appointments" on public.appointments for all to authenticated
  using (auth.uid() = patient_id) with check (auth.uid() = patient_id);
create policy "Staff see all appointments" on public.appointments for select to authenticated
  using (exists (select 1 from public.profiles p where p.id = auth.uid() and p.role = 'staff'));
