drop function if exists public.current_streak(uuid);
drop table if exists public.check_ins;
drop table if exists public.habits;
