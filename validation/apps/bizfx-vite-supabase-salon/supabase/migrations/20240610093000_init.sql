-- Glow Salon schema

-- expect: G6.P2
create table public.profiles (
  id uuid primary key references auth.users on delete cascade,
  full_name text,
  phone text,
  email text,
  role text not null default 'client' check (role in ('client', 'stylist', 'admin')),
  created_at timestamptz default now()
);

-- ok: G6.P2
create table public.services (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  duration_minutes int not null default 60,
  price_cents int not null,
  image_url text,
  created_at timestamptz default now()
);

-- expect: G6.P2
create table public.stylists (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  bio text,
  photo_url text
);

-- ok: G6.P2
create table public.stylist_services (
  stylist_id uuid references public.stylists on delete cascade,
  service_id uuid references public.services on delete cascade,
  primary key (stylist_id, service_id)
);

-- expect: G6.P2
create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  client_id uuid references public.profiles not null,
  stylist_id uuid references public.stylists,
  service_id uuid references public.services not null,
  starts_at timestamptz not null,
  status text not null default 'booked',
  notes text,
  created_at timestamptz default now()
);

alter table public.profiles enable row level security;
alter table public.services enable row level security;
alter table public.stylists enable row level security;
alter table public.appointments enable row level security;

create or replace function public.is_admin() returns boolean
language sql stable security definer as $$
  select exists (select 1 from public.profiles where id = auth.uid() and role = 'admin');
$$;

create policy "services readable" on public.services for select using (true);
create policy "admins manage services" on public.services for all using (public.is_admin());
create policy "stylists readable" on public.stylists for select using (true);
create policy "own profile" on public.profiles for select using (auth.uid() = id or public.is_admin());
create policy "update own profile" on public.profiles for update using (auth.uid() = id or public.is_admin());
create policy "own appointments" on public.appointments for all using (auth.uid() = client_id or public.is_admin());

create or replace function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into public.profiles (id, email, full_name)
  values (new.id, new.email, new.raw_user_meta_data->>'full_name');
  return new;
end;
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute procedure public.handle_new_user();

insert into public.stylists (name, bio) values ('Asha', 'Color specialist'), ('Ravi', 'Cuts and beard styling');
