create table boards (id serial primary key, name text not null, created_at timestamptz default now());
create table cards (
  id serial primary key,
  board_id int not null references boards on delete cascade,
  column_id text not null default 'todo',
  title text not null,
  assignee_email text,
  created_at timestamptz default now()
);
