create table public.orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users,
  email text not null,
  total numeric not null,
  status text not null default 'pending',
  pickup_date date,
  pickup_at timestamptz
);
create table public.processed_events (id text primary key, created_at timestamptz default now());
alter table public.orders enable row level security;
create policy "own orders" on public.orders for select using (auth.uid() = user_id);

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('cake-photos', 'cake-photos', false, 5242880, array['image/png', 'image/jpeg', 'image/webp']);
create policy "own photos" on storage.objects for all to authenticated
  using (bucket_id = 'cake-photos' and (storage.foldername(name))[1] = auth.uid()::text);

create extension if not exists pg_cron;
create extension if not exists pg_net;
select cron.schedule('daily-pickup-reminders', '0 8 * * *', $$
  select net.http_post(url := 'https://xyzbakery.supabase.co/functions/v1/daily-reminders')
$$);
