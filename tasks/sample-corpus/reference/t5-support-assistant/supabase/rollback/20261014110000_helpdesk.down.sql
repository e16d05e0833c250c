-- Reverts supabase/migrations/20261014110000_helpdesk.sql.
-- DESTRUCTIVE: drops every ticket and message. Export first: supabase db dump --data-only -f backup.sql
begin;

drop view if exists public.ai_usage_this_month;
drop table if exists public.ai_settings;
drop table if exists public.messages;
drop table if exists public.drafts;
drop table if exists public.ticket_tags;
drop table if exists public.tickets;
drop table if exists public.customers;
drop table if exists public.agents;
drop function if exists public.jwt_role();

delete from supabase_migrations.schema_migrations where version = '20261014110000';

commit;
