create table customers (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  name text,
  orders_count int default 0,
  created_at timestamptz default now()
);

create table agents (
  id uuid primary key,
  email text,
  name text,
  role text default 'agent',
  created_at timestamptz default now()
);

create table tickets (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid references customers(id),
  subject text,
  status text default 'open',
  preview text,
  assignee_id uuid,
  tags jsonb default '[]',
  created_at timestamptz default now()
);

create table messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid references tickets(id),
  direction text,
  body text,
  body_html text,
  from_ai boolean default false,
  created_at timestamptz default now()
);

alter table tickets enable row level security;
create policy "tickets_all" on tickets for all using (true);

create or replace function set_agent_role(agent_id uuid, new_role text)
returns void
language sql
security definer
as $$
  update agents set role = new_role where id = agent_id;
$$;
