-- Helpdesk schema. Rollback: supabase/rollback/20261014110000_helpdesk.down.sql
--
-- Roles: app_metadata.role = 'agent' | 'admin', set only by the server (service role) when
-- an admin invites someone or changes a role. Policies read it from the JWT.

create or replace function public.jwt_role()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.jwt()) -> 'app_metadata' ->> 'role', '');
$$;

create table public.agents (
  id            uuid primary key references auth.users (id) on delete cascade,
  display_name  text not null check (char_length(display_name) between 1 and 80),
  active        boolean not null default true,
  created_at    timestamptz not null default now()
);

create table public.customers (
  id          uuid primary key default gen_random_uuid(),
  email       text not null unique check (email = lower(email)),
  name        text,
  created_at  timestamptz not null default now()
);

create table public.tickets (
  id               uuid primary key default gen_random_uuid(),
  customer_id      uuid not null references public.customers (id) on delete cascade,
  subject          text not null,
  status           text not null default 'open' check (status in ('open', 'pending', 'solved')),
  assignee_id      uuid references public.agents (id) on delete set null,
  last_message_at  timestamptz not null default now(),
  created_at       timestamptz not null default now()
);
create index tickets_customer_id_idx on public.tickets (customer_id);
create index tickets_assignee_id_idx on public.tickets (assignee_id);
create index tickets_status_last_message_idx on public.tickets (status, last_message_at desc);

create table public.ticket_tags (
  ticket_id  uuid not null references public.tickets (id) on delete cascade,
  tag        text not null check (tag ~ '^[a-z0-9-]{1,32}$'),
  primary key (ticket_id, tag)
);

create table public.drafts (
  id                 uuid primary key default gen_random_uuid(),
  ticket_id          uuid not null references public.tickets (id) on delete cascade,
  created_by         uuid not null references public.agents (id) on delete restrict,
  body               text not null,
  model              text not null,
  fallback           boolean not null default false,
  prompt_tokens      integer not null default 0 check (prompt_tokens >= 0),
  completion_tokens  integer not null default 0 check (completion_tokens >= 0),
  created_at         timestamptz not null default now()
);
create index drafts_ticket_id_idx on public.drafts (ticket_id);
create index drafts_created_by_created_at_idx on public.drafts (created_by, created_at);

create table public.messages (
  id           uuid primary key default gen_random_uuid(),
  ticket_id    uuid not null references public.tickets (id) on delete cascade,
  direction    text not null check (direction in ('inbound', 'outbound')),
  body         text not null,
  external_id  text unique,                                  -- Message-ID; makes webhook redelivery a no-op
  draft_id     uuid references public.drafts (id) on delete set null,
  approved_by  uuid references public.agents (id) on delete restrict,
  created_at   timestamptz not null default now(),
  -- Nothing leaves the building without a named agent approving it.
  check (direction = 'inbound' or approved_by is not null)
);
create index messages_ticket_id_created_at_idx on public.messages (ticket_id, created_at);
create index messages_draft_id_idx on public.messages (draft_id);
create index messages_approved_by_idx on public.messages (approved_by);

create table public.ai_settings (
  id                    smallint primary key default 1 check (id = 1),
  tone                  text not null default 'warm and concise' check (char_length(tone) <= 200),
  monthly_token_budget  integer not null default 2000000 check (monthly_token_budget >= 0),
  updated_by            uuid references public.agents (id) on delete set null,
  updated_at            timestamptz not null default now()
);
insert into public.ai_settings (id) values (1);

create view public.ai_usage_this_month
with (security_invoker = true) as
  select created_by as agent_id,
         count(*) as drafts,
         sum(prompt_tokens + completion_tokens) as tokens
  from public.drafts
  where created_at >= date_trunc('month', now())
  group by created_by;

-- Row Level Security ---------------------------------------------------------
alter table public.agents      enable row level security;
alter table public.customers   enable row level security;
alter table public.tickets     enable row level security;
alter table public.ticket_tags enable row level security;
alter table public.drafts      enable row level security;
alter table public.messages    enable row level security;
alter table public.ai_settings enable row level security;

create policy agents_select on public.agents for select to authenticated
  using (public.jwt_role() in ('agent', 'admin'));
-- Agents can rename themselves; role lives in app_metadata, which they cannot write.
create policy agents_update_self on public.agents for update to authenticated
  using (id = (select auth.uid()) and public.jwt_role() in ('agent', 'admin'))
  with check (id = (select auth.uid()));
revoke update on public.agents from authenticated;
grant update (display_name) on public.agents to authenticated;

create policy customers_select on public.customers for select to authenticated
  using (public.jwt_role() in ('agent', 'admin'));

create policy tickets_select on public.tickets for select to authenticated
  using (public.jwt_role() in ('agent', 'admin'));
create policy tickets_update on public.tickets for update to authenticated
  using (public.jwt_role() in ('agent', 'admin'))
  with check (public.jwt_role() in ('agent', 'admin'));
revoke update on public.tickets from authenticated;
grant update (status, assignee_id) on public.tickets to authenticated;

create policy ticket_tags_select on public.ticket_tags for select to authenticated
  using (public.jwt_role() in ('agent', 'admin'));
create policy ticket_tags_write on public.ticket_tags for all to authenticated
  using (public.jwt_role() in ('agent', 'admin'))
  with check (public.jwt_role() in ('agent', 'admin'));

-- Messages and drafts are written only by the assistant function and the inbound webhook.
create policy messages_select on public.messages for select to authenticated
  using (public.jwt_role() in ('agent', 'admin'));
create policy drafts_select on public.drafts for select to authenticated
  using (created_by = (select auth.uid()) or public.jwt_role() = 'admin');

create policy ai_settings_select on public.ai_settings for select to authenticated
  using (public.jwt_role() in ('agent', 'admin'));
create policy ai_settings_admin_update on public.ai_settings for update to authenticated
  using (public.jwt_role() = 'admin') with check (public.jwt_role() = 'admin');
