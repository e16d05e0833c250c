alter table public.habits add column archived_at timestamptz;
alter table public.habits drop column is_archived;
