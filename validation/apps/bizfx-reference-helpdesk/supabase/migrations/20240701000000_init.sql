create extension if not exists pgcrypto;

-- ok: G6.P2
create table public.profiles (
  id uuid primary key references auth.users on delete cascade,
  email text not null,
  full_name text,
  role text not null default 'customer' check (role in ('customer', 'agent', 'admin')),
  created_at timestamptz not null default now()
);

-- ok: G6.P2
create table public.tickets (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.profiles on delete cascade,
  assignee_id uuid references public.profiles,
  subject text not null,
  body text not null,
  status text not null default 'open' check (status in ('open', 'pending', 'solved')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- ok: G6.P2
create table public.comments (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references public.tickets on delete cascade,
  author_id uuid not null references public.profiles on delete cascade,
  body text not null,
  created_at timestamptz not null default now()
);

-- ok: G6.P2
create table public.audit_log (
  id bigint generated always as identity primary key,
  actor_id uuid,
  action text not null,
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);

-- ok: G6.P2
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles on delete cascade,
  title text not null,
  link text,
  read_at timestamptz,
  created_at timestamptz not null default now()
);

create index tickets_customer_idx on public.tickets (customer_id, created_at desc);
create index comments_ticket_idx on public.comments (ticket_id, created_at);
create index notifications_user_idx on public.notifications (user_id, created_at desc);

alter table public.profiles enable row level security;
alter table public.tickets enable row level security;
alter table public.comments enable row level security;
alter table public.audit_log enable row level security;
alter table public.notifications enable row level security;

create or replace function public.current_role() returns text
language sql stable security definer set search_path = public as $$
  select role from public.profiles where id = auth.uid();
$$;

create policy "read own profile" on public.profiles for select using (id = auth.uid() or public.current_role() in ('agent', 'admin'));
create policy "update own profile" on public.profiles for update using (id = auth.uid());
create policy "tickets visible" on public.tickets for select using (customer_id = auth.uid() or public.current_role() in ('agent', 'admin'));
create policy "customers open tickets" on public.tickets for insert with check (customer_id = auth.uid());
create policy "staff update tickets" on public.tickets for update using (public.current_role() in ('agent', 'admin'));
create policy "comments visible" on public.comments for select using (
  exists (select 1 from public.tickets t where t.id = ticket_id and (t.customer_id = auth.uid() or public.current_role() in ('agent', 'admin')))
);
create policy "own comments" on public.comments for all using (author_id = auth.uid());
create policy "own notifications" on public.notifications for all using (user_id = auth.uid());
create policy "admins read audit" on public.audit_log for select using (public.current_role() = 'admin');

-- Row history for tickets: every update and delete is kept in audit_log.
create or replace function public.audit_ticket_change() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into public.audit_log (actor_id, action, entity, entity_id, before, after)
  values (auth.uid(), lower(tg_op), 'ticket', coalesce(old.id, new.id)::text, to_jsonb(old), to_jsonb(new));
  return coalesce(new, old);
end;
$$;

create trigger tickets_audit after update or delete on public.tickets
  for each row execute function public.audit_ticket_change();

create or replace function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into public.profiles (id, email, full_name) values (new.id, new.email, new.raw_user_meta_data->>'full_name');
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
