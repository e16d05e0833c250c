-- Medical history uploaded by patients
-- expect: G4.P2
create table public.medical_records (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references auth.users (id),
  diagnosis text,
  file_url text,
  created_at timestamptz default now()
);

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  author_id uuid references auth.users (id),
  rating int not null,
  body text
);
alter table public.reviews enable row level security;
-- ok: G4.P2
create policy "Reviews are public" on public.reviews for select using (true);
-- ok: G4.P2
create policy "Authors write reviews" on public.reviews for insert to authenticated with check (auth.uid() = author_id);

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  sender_id uuid not null references auth.users (id),
  recipient_id uuid not null references auth.users (id),
  body text not null
);
alter table public.messages enable row level security;
-- expect: G4.P2
create policy "Authenticated users can read messages" on public.messages for select to authenticated using (auth.role() = 'authenticated');
-- ok: G4.P2
create policy "Send as yourself" on public.messages for insert to authenticated with check (auth.uid() = sender_id);
