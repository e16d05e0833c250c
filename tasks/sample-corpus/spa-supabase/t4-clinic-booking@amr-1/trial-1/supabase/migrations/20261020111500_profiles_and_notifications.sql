-- Patients now live in profiles (linked to auth.users) so staff can be notified
create table public.profiles (
  id uuid primary key references auth.users(id),
  email text,
  full_name text,
  phone text,
  role text default 'patient',
  created_at timestamptz default now()
);

-- old table, replaced by profiles
drop table public.patients cascade;

alter table public.appointments
  add constraint appointments_patient_id_fkey foreign key (patient_id) references public.profiles(id);

create table public.staff_notifications (
  id uuid primary key default gen_random_uuid(),
  appointment_id uuid references public.appointments(id),
  message text,
  read boolean default false,
  created_at timestamptz default now()
);

alter table public.staff_notifications enable row level security;

create policy "Allow all on staff_notifications" on public.staff_notifications
  for all using (true) with check (true);
