-- Reverts supabase/migrations/20261020090000_reschedule.sql.
-- Loses only the "moved from" times; the moves themselves stay in audit_log.
begin;

alter table public.appointments drop column if exists rescheduled_from;

delete from supabase_migrations.schema_migrations where version = '20261020090000';

commit;
