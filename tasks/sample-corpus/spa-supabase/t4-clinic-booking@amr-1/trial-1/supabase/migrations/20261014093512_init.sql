-- CareSlot initial schema

create table public.patients (
  id uuid primary key,
  email text,
  full_name text,
  phone text,
  date_of_birth text,
  created_at timestamptz default now()
);

create table public.doctors (
  id uuid primary key default gen_random_uuid(),
  name text,
  specialty text,
  fee numeric,
  photo_url text,
  schedule jsonb,
  created_at timestamptz default now()
);

create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid references public.patients(id),
  doctor_id uuid references public.doctors(id),
  date date,
  slot text,
  status text default 'booked',
  notes text,
  rescheduled_from date,
  previous_slot text,
  reschedule_count int default 0,
  created_at timestamptz default now()
);

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  appointment_id uuid references public.appointments(id),
  patient_id uuid,
  amount numeric,
  status text default 'unpaid',
  created_at timestamptz default now()
);

alter table public.doctors enable row level security;
alter table public.appointments enable row level security;

create policy "Anyone can view doctors" on public.doctors
  for select using (true);

create policy "Allow all on appointments" on public.appointments
  for all using (true) with check (true);

-- dashboard stats for the admin page
create or replace function public.clinic_stats()
returns json
language plpgsql
security definer
as $$
begin
  return json_build_object(
    'appointments', (select count(*) from public.appointments),
    'patients', (select count(*) from public.patients),
    'revenue', (select coalesce(sum(amount), 0) from public.invoices where status = 'paid')
  );
end;
$$;

insert into public.doctors (name, specialty, fee) values
  ('Dr. Ananya Kulkarni', 'General Physician', 500),
  ('Dr. Rohan Deshpande', 'Paediatrics', 700),
  ('Dr. Meera Iyer', 'Dermatology', 800);
