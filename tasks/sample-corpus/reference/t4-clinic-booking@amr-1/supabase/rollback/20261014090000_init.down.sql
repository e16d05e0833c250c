-- Reverts supabase/migrations/20261014090000_init.sql.
-- DESTRUCTIVE: drops all clinic data. Take a backup (supabase db dump --data-only) first.
begin;

drop table if exists public.processed_webhooks;
drop table if exists public.audit_log;
drop table if exists public.invoices;
drop table if exists public.appointments;
drop table if exists public.doctor_hours;
drop table if exists public.doctors;
drop table if exists public.profiles;
drop function if exists public.jwt_role();

delete from supabase_migrations.schema_migrations where version = '20261014090000';

commit;
