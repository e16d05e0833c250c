insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('invoice-pdfs', 'invoice-pdfs', false, 10485760, array['application/pdf']);

insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);

create policy "own pdfs" on storage.objects for all to authenticated
  using (bucket_id = 'invoice-pdfs' and (storage.foldername(name))[1] = auth.uid()::text);
