alter table public.profiles enable row level security;
alter table public.doctors enable row level security;
alter table public.appointments enable row level security;

create policy "Profiles are visible to their owner" on public.profiles
  for select using (auth.uid() = id);
create policy "Users update their own profile" on public.profiles
  for update using (auth.uid() = id);

create policy "Doctors are public" on public.doctors
  for select using (true);

create policy "Patients see own appointments" on public.appointments
  for select using (auth.uid() = patient_id);
create policy "Patients book for themselves" on public.appointments
  for insert with check (auth.uid() = patient_id);
create policy "Patients update own appointments" on public.appointments
  for update using (auth.uid() = patient_id);
