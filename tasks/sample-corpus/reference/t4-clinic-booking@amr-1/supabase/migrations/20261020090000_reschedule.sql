-- CareSlot: patients reschedule their own appointments.
-- Rollback: supabase/rollback/20261020090000_reschedule.down.sql
--
-- Additive only: one nullable column, so the release that is running keeps working while this
-- migration is applied. Moves are recorded in audit_log ('appointment.rescheduled'); the one-per-slot
-- unique index already rejects a move onto a booked slot.

alter table public.appointments
  add column rescheduled_from timestamptz;

comment on column public.appointments.rescheduled_from is
  'Start of the slot this appointment was last moved from; null if never rescheduled.';
