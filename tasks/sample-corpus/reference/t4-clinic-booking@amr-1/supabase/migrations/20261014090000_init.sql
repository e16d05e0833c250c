-- CareSlot: initial schema.
-- Rollback: supabase/rollback/20261014090000_init.down.sql
--
-- Roles come from auth.users.raw_app_meta_data->>'role' ('admin' | 'staff'; default patient).
-- Only the server (service role) can set app_metadata, so policies may trust it.

create or replace function public.jwt_role()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.jwt()) -> 'app_metadata' ->> 'role', 'patient');
$$;

-- Profiles ------------------------------------------------------------------
create table public.profiles (
  id          uuid primary key references auth.users (id) on delete cascade,
  full_name   text not null check (char_length(full_name) between 1 and 120),
  phone       text check (phone ~ '^\+?[0-9 ]{8,15}$'),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

-- Doctors and their weekly hours ------------------------------------------
create table public.doctors (
  id          uuid primary key default gen_random_uuid(),
  full_name   text not null,
  specialty   text not null,
  fee_paise   integer not null check (fee_paise >= 0),
  photo_url   text,
  active      boolean not null default true,
  created_at  timestamptz not null default now()
);

create table public.doctor_hours (
  id          uuid primary key default gen_random_uuid(),
  doctor_id   uuid not null references public.doctors (id) on delete cascade,
  weekday     smallint not null check (weekday between 0 and 6),  -- 0 = Sunday, clinic time (Asia/Kolkata)
  starts_at   time not null,
  ends_at     time not null,
  check (ends_at > starts_at)
);
create index doctor_hours_doctor_id_weekday_idx on public.doctor_hours (doctor_id, weekday);

-- Appointments ---------------------------------------------------------------
create table public.appointments (
  id                uuid primary key default gen_random_uuid(),
  patient_id        uuid not null references public.profiles (id) on delete restrict,
  doctor_id         uuid not null references public.doctors (id) on delete restrict,
  starts_at         timestamptz not null,
  status            text not null default 'booked'
                    check (status in ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')),
  reminder_sent_at  timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check (extract(second from starts_at) = 0 and extract(minute from starts_at)::int % 15 = 0)
);
create index appointments_patient_id_starts_at_idx on public.appointments (patient_id, starts_at);
create index appointments_doctor_id_starts_at_idx on public.appointments (doctor_id, starts_at);
create index appointments_reminder_due_idx on public.appointments (starts_at)
  where status = 'booked' and reminder_sent_at is null;
-- One live booking per doctor and slot: the database, not the UI, prevents double booking.
create unique index appointments_one_per_slot_key on public.appointments (doctor_id, starts_at)
  where status <> 'cancelled';

-- Invoices (amounts in paise, computed by the server) -----------------------
create table public.invoices (
  id                 uuid primary key default gen_random_uuid(),
  appointment_id     uuid not null unique references public.appointments (id) on delete restrict,
  patient_id         uuid not null references public.profiles (id) on delete restrict,
  subtotal_paise     integer not null check (subtotal_paise >= 0),
  gst_paise          integer not null check (gst_paise >= 0),
  total_paise        integer not null check (total_paise = subtotal_paise + gst_paise),
  status             text not null default 'unpaid' check (status in ('unpaid', 'paid', 'void')),
  stripe_session_id  text unique,
  paid_at            timestamptz,
  created_at         timestamptz not null default now()
);
create index invoices_patient_id_idx on public.invoices (patient_id);

-- Audit log and webhook idempotency -----------------------------------------
create table public.audit_log (
  id          bigint generated always as identity primary key,
  actor_id    uuid references auth.users (id) on delete set null,
  action      text not null,
  entity      text not null,
  entity_id   uuid,
  details     jsonb not null default '{}'::jsonb,
  created_at  timestamptz not null default now()
);
create index audit_log_actor_id_idx on public.audit_log (actor_id);
create index audit_log_entity_idx on public.audit_log (entity, entity_id);
create index audit_log_created_at_idx on public.audit_log (created_at desc);

create table public.processed_webhooks (
  event_id     text primary key,
  received_at  timestamptz not null default now()
);

-- Row Level Security --------------------------------------------------------
alter table public.profiles           enable row level security;
alter table public.doctors            enable row level security;
alter table public.doctor_hours       enable row level security;
alter table public.appointments       enable row level security;
alter table public.invoices           enable row level security;
alter table public.audit_log          enable row level security;
alter table public.processed_webhooks enable row level security;  -- no policies: service role only

create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid()) or public.jwt_role() in ('staff', 'admin'));
create policy profiles_insert_own on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));
create policy profiles_update_own on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy doctors_select on public.doctors for select to authenticated
  using (active or public.jwt_role() in ('staff', 'admin'));
create policy doctors_admin_write on public.doctors for all to authenticated
  using (public.jwt_role() = 'admin') with check (public.jwt_role() = 'admin');

create policy doctor_hours_select on public.doctor_hours for select to authenticated
  using ((select auth.uid()) is not null);
create policy doctor_hours_staff_write on public.doctor_hours for all to authenticated
  using (public.jwt_role() in ('staff', 'admin')) with check (public.jwt_role() in ('staff', 'admin'));

-- Patients read their own appointments; bookings and cancellations go through the API.
create policy appointments_select on public.appointments for select to authenticated
  using (patient_id = (select auth.uid()) or public.jwt_role() in ('staff', 'admin'));
create policy appointments_staff_update on public.appointments for update to authenticated
  using (public.jwt_role() in ('staff', 'admin')) with check (public.jwt_role() in ('staff', 'admin'));

create policy invoices_select on public.invoices for select to authenticated
  using (patient_id = (select auth.uid()) or public.jwt_role() in ('staff', 'admin'));

create policy audit_log_admin_select on public.audit_log for select to authenticated
  using (public.jwt_role() = 'admin');

-- Staff may only move an appointment through the front-desk states.
revoke update on public.appointments from authenticated;
grant update (status, updated_at) on public.appointments to authenticated;
