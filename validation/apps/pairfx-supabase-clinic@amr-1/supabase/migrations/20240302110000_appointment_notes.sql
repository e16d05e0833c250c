-- Patients can now leave a note for the doctor on each appointment (appointments.notes).
-- The old free-text profiles.booking_notes field is superseded by it.

-- expect: G5.D3
alter table public.profiles drop column if exists booking_notes;

-- Patients may edit the note of their own upcoming appointments.
-- ok: G5.D3
drop policy if exists "Patients update own appointments" on public.appointments;
create policy "Patients update own appointments" on public.appointments
  for update using (auth.uid() = patient_id and starts_at > now())
  with check (auth.uid() = patient_id);

-- Doctors can mark no-shows now.
-- ok: G5.D3
alter table public.appointments drop constraint if exists appointments_status_check;
alter table public.appointments
  add constraint appointments_status_check check (status in ('booked', 'cancelled', 'completed', 'no_show'));

-- ok: G5.D3
alter table public.appointments alter column status set default 'booked';

-- ok: G5.D3
drop index if exists public.appointments_patient_idx;
create index appointments_patient_starts_idx on public.appointments (patient_id, starts_at desc);
