-- Files: job photos, quote and invoice documents, and customers' own uploads, kept in Supabase
-- Storage (private buckets, policies on storage.objects) and listed in public.attachments, which
-- carries the same access rules and is published so customers see a new photo live.
--
-- Object paths (the first folder is always the organization; docs/FILES.md):
--   job-photos        <organization_id>/<job_id>/<file>
--   documents         <organization_id>/quotes/<quote_id>/<file>
--                     <organization_id>/invoices/<invoice_id>/<file>
--   customer-uploads  <organization_id>/<customer_id>/<file>
--
-- Runs unchanged on hosted Supabase: buckets are rows of storage.buckets and policies on
-- storage.objects are created by the migration role; nothing here needs to own storage tables
-- (so no trigger on storage.objects: the attachment row is written after the upload succeeds).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('job-photos', 'job-photos', false, 20971520,
   array['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif']),
  ('documents', 'documents', false, 26214400,
   array['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain', 'text/csv',
         'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
         'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
  ('customer-uploads', 'customer-uploads', false, 20971520,
   array['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'])
on conflict (id) do update set
  public = excluded.public,
  file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- ---------------------------------------------------------------------------------------------
-- Who may read and write which folder. Invoker rights on purpose: the record must be one the
-- caller can read (jobs, quotes and invoices keep their own policies: a customer never sees a
-- draft), and the role checks are the public who-is-calling helpers. Stable, empty search_path;
-- a folder that is not a uuid is nobody's.

-- The uuid in folder `n` of an object name, or null when it is not one.
create function private.path_uuid(p_name text, p_folder integer)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case when f ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then f::uuid end
  from (select split_part(p_name, '/', p_folder) as f) s
$$;

-- Job photos: any active staff member of the job's organization (technicians take them).
create function private.may_write_job_files(p_org uuid, p_job uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select public.is_staff_of(p_org)
     and exists (select 1 from public.jobs j where j.id = p_job and j.organization_id = p_org)
$$;

-- Job photos are read by the organization's staff and by the job's customer: whoever reads the job.
create function private.may_read_job_files(p_org uuid, p_job uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.jobs j where j.id = p_job and j.organization_id = p_org)
$$;

-- Whoever reads the quote or invoice reads its documents: its organization's staff, and its
-- customer once it is sent (never a draft's).
create function private.may_read_document_files(p_org uuid, p_kind text, p_record uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case p_kind
    when 'quotes' then exists (select 1 from public.quotes q where q.id = p_record and q.organization_id = p_org)
    when 'invoices' then exists (select 1 from public.invoices i where i.id = p_record and i.organization_id = p_org)
    else false
  end
$$;

-- Documents of a quote or an invoice (p_kind 'quotes' | 'invoices'): owner, admin and office
-- write them, as they write the quote or invoice itself.
create function private.may_write_document_files(p_org uuid, p_kind text, p_record uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select public.can_manage_org(p_org) and private.may_read_document_files(p_org, p_kind, p_record)
$$;

-- A customer's own folder in customer-uploads: theirs to write and read.
create function private.is_my_upload_folder(p_org uuid, p_customer uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select p_customer = (select public.my_customer_id())
     and p_org = (select public.my_customer_organization_id())
$$;

-- Staff read the uploads of their organization's customers.
create function private.may_read_customer_uploads(p_org uuid, p_customer uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select private.is_my_upload_folder(p_org, p_customer)
      or (public.is_staff_of(p_org)
          and exists (select 1 from public.customers c where c.id = p_customer and c.organization_id = p_org))
$$;

-- Whether the customer may read an attachment row (its quote or invoice is not a draft): the
-- change feed's rule, as the customers' select policy below says it.
create function private.attachment_visible_to_customer(p_row jsonb)
returns boolean
language sql
stable
set search_path = ''
as $$
  select not exists (select 1 from public.quotes q where q.id = (p_row ->> 'quote_id')::uuid and q.status = 'draft')
     and not exists (select 1 from public.invoices i where i.id = (p_row ->> 'invoice_id')::uuid and i.status = 'draft')
$$;

revoke all on function
  private.path_uuid(text, integer),
  private.may_write_job_files(uuid, uuid),
  private.may_read_job_files(uuid, uuid),
  private.may_write_document_files(uuid, text, uuid),
  private.may_read_document_files(uuid, text, uuid),
  private.is_my_upload_folder(uuid, uuid),
  private.may_read_customer_uploads(uuid, uuid),
  private.attachment_visible_to_customer(jsonb)
from public, anon;
-- Policies run as the caller, so the API roles call these (invoker rights: they see only what
-- the caller may read).
grant execute on function
  private.path_uuid(text, integer),
  private.may_write_job_files(uuid, uuid),
  private.may_read_job_files(uuid, uuid),
  private.may_write_document_files(uuid, text, uuid),
  private.may_read_document_files(uuid, text, uuid),
  private.is_my_upload_folder(uuid, uuid),
  private.may_read_customer_uploads(uuid, uuid)
to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Policies on storage.objects, one per bucket and command. Upsert (x-upsert) needs select and
-- update too; a move stays within what both the old and the new path allow.

create policy "job photos: staff add" on storage.objects for insert to authenticated
  with check (bucket_id = 'job-photos'
              and private.may_write_job_files(private.path_uuid(name, 1), private.path_uuid(name, 2)));
create policy "job photos: staff and the job's customer read" on storage.objects for select to authenticated
  using (bucket_id = 'job-photos'
         and private.may_read_job_files(private.path_uuid(name, 1), private.path_uuid(name, 2)));
create policy "job photos: staff replace their own, office staff any" on storage.objects for update to authenticated
  using (bucket_id = 'job-photos'
         and private.may_write_job_files(private.path_uuid(name, 1), private.path_uuid(name, 2))
         and (owner_id = (select auth.uid())::text or public.can_manage_org(private.path_uuid(name, 1))))
  with check (bucket_id = 'job-photos'
              and private.may_write_job_files(private.path_uuid(name, 1), private.path_uuid(name, 2)));
-- As for the attachment rows: staff remove the photos they took, office roles any.
create policy "job photos: staff remove their own, office staff any" on storage.objects for delete to authenticated
  using (bucket_id = 'job-photos'
         and private.may_write_job_files(private.path_uuid(name, 1), private.path_uuid(name, 2))
         and (owner_id = (select auth.uid())::text or public.can_manage_org(private.path_uuid(name, 1))));

create policy "documents: office staff add" on storage.objects for insert to authenticated
  with check (bucket_id = 'documents'
              and private.may_write_document_files(private.path_uuid(name, 1), split_part(name, '/', 2), private.path_uuid(name, 3)));
create policy "documents: staff and the customer read" on storage.objects for select to authenticated
  using (bucket_id = 'documents'
         and private.may_read_document_files(private.path_uuid(name, 1), split_part(name, '/', 2), private.path_uuid(name, 3)));
create policy "documents: office staff replace" on storage.objects for update to authenticated
  using (bucket_id = 'documents'
         and private.may_write_document_files(private.path_uuid(name, 1), split_part(name, '/', 2), private.path_uuid(name, 3)))
  with check (bucket_id = 'documents'
              and private.may_write_document_files(private.path_uuid(name, 1), split_part(name, '/', 2), private.path_uuid(name, 3)));
create policy "documents: office staff remove" on storage.objects for delete to authenticated
  using (bucket_id = 'documents'
         and private.may_write_document_files(private.path_uuid(name, 1), split_part(name, '/', 2), private.path_uuid(name, 3)));

create policy "customer uploads: the customer adds to their folder" on storage.objects for insert to authenticated
  with check (bucket_id = 'customer-uploads'
              and private.is_my_upload_folder(private.path_uuid(name, 1), private.path_uuid(name, 2)));
create policy "customer uploads: the customer and staff read" on storage.objects for select to authenticated
  using (bucket_id = 'customer-uploads'
         and private.may_read_customer_uploads(private.path_uuid(name, 1), private.path_uuid(name, 2)));
create policy "customer uploads: the customer removes theirs, office staff any" on storage.objects for delete to authenticated
  using (bucket_id = 'customer-uploads'
         and (private.is_my_upload_folder(private.path_uuid(name, 1), private.path_uuid(name, 2))
              or public.can_manage_org(private.path_uuid(name, 1))));

-- ---------------------------------------------------------------------------------------------
-- The list of files: one row per stored object, scoped like every customer-facing table.

create type public.attachment_kind as enum ('before', 'after', 'photo', 'document', 'customer_upload');

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- Taken from the job, quote or invoice when there is one.
  customer_id uuid not null,
  job_id uuid,
  quote_id uuid,
  invoice_id uuid,
  bucket_id text not null check (bucket_id in ('job-photos', 'documents', 'customer-uploads')),
  object_path text not null check (length(object_path) between 3 and 1024),
  name text not null check (length(btrim(name)) between 1 and 255),
  mime_type text not null check (length(mime_type) between 3 and 255),
  size_bytes bigint not null check (size_bytes >= 0),
  kind public.attachment_kind not null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (bucket_id, object_path),
  constraint attachments_one_record check (num_nonnulls(job_id, quote_id, invoice_id) <= 1),
  -- The bucket and the folder say what the file belongs to (the storage policies read the path).
  constraint attachments_path_matches check (
    split_part(object_path, '/', 1) = organization_id::text and case bucket_id
      when 'job-photos' then job_id is not null and split_part(object_path, '/', 2) = job_id::text
                             and kind in ('before', 'after', 'photo')
      when 'documents' then kind = 'document' and (
        (quote_id is not null
         and split_part(object_path, '/', 2) = 'quotes' and split_part(object_path, '/', 3) = quote_id::text)
        or (invoice_id is not null
         and split_part(object_path, '/', 2) = 'invoices' and split_part(object_path, '/', 3) = invoice_id::text))
      when 'customer-uploads' then kind = 'customer_upload' and split_part(object_path, '/', 2) = customer_id::text
      else false
    end),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade,
  foreign key (organization_id, quote_id) references public.quotes (organization_id, id) on delete cascade,
  foreign key (organization_id, invoice_id) references public.invoices (organization_id, id) on delete cascade
);
create index attachments_customer on public.attachments (customer_id, created_at desc);
create index attachments_job on public.attachments (job_id, created_at) where job_id is not null;
create index attachments_quote on public.attachments (quote_id, created_at) where quote_id is not null;
create index attachments_invoice on public.attachments (invoice_id, created_at) where invoice_id is not null;
create index attachments_organization on public.attachments (organization_id, created_at desc);

-- The row describes a stored object: it must exist, and its size and type are the stored ones;
-- the customer is the record's. Definer: reads storage.objects and the record whatever the
-- caller's policies (the insert policies below decide who may add the row).
create function private.attachments_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  stored jsonb;
begin
  select o.metadata into stored from storage.objects o
  where o.bucket_id = new.bucket_id and o.name = new.object_path;
  if not found then
    raise exception 'No file is stored at %/%', new.bucket_id, new.object_path
      using errcode = '23503', hint = 'Upload the file first, then record it.';
  end if;
  new.size_bytes := coalesce((stored ->> 'size')::bigint, new.size_bytes);
  new.mime_type := coalesce(nullif(stored ->> 'mimetype', ''), new.mime_type);
  if new.job_id is not null then
    select j.customer_id into new.customer_id from public.jobs j where j.id = new.job_id;
  elsif new.quote_id is not null then
    select q.customer_id into new.customer_id from public.quotes q where q.id = new.quote_id;
  elsif new.invoice_id is not null then
    select i.customer_id into new.customer_id from public.invoices i where i.id = new.invoice_id;
  end if;
  if private.is_end_user() then
    new.created_by := (select auth.uid());
    new.created_at := now();
  end if;
  return new;
end
$$;
create trigger attachments_prepare before insert on public.attachments
  for each row execute function private.attachments_prepare();
revoke all on function private.attachments_prepare() from public, anon, authenticated, service_role;

alter table public.attachments enable row level security;
create policy "staff read attachments" on public.attachments for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
-- The customer reads what belongs to them, as they read the record: a draft's documents stay hidden.
create policy "customers read their attachments" on public.attachments for select to authenticated
  using (customer_id = (select public.my_customer_id())
         and (quote_id is null or quote_id in (select q.id from public.quotes q))
         and (invoice_id is null or invoice_id in (select i.id from public.invoices i)));
create policy "staff add job photos" on public.attachments for insert to authenticated
  with check (bucket_id = 'job-photos' and organization_id = any (array(select public.my_staff_organization_ids())));
create policy "office staff add documents" on public.attachments for insert to authenticated
  with check (bucket_id = 'documents'
              and organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "customers add their uploads" on public.attachments for insert to authenticated
  with check (bucket_id = 'customer-uploads'
              and customer_id = (select public.my_customer_id())
              and organization_id = (select public.my_customer_organization_id()));
-- Staff remove what they added; owner, admin and office anything of their organization.
create policy "staff remove attachments" on public.attachments for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))
         or (created_by = (select auth.uid()) and organization_id = any (array(select public.my_staff_organization_ids()))));
create policy "customers remove their uploads" on public.attachments for delete to authenticated
  using (bucket_id = 'customer-uploads' and customer_id = (select public.my_customer_id()));
-- Rows are never edited: a file is replaced by removing it and adding another.
grant select, insert, delete on public.attachments to authenticated;
grant select, insert, update, delete on public.attachments to service_role;

-- Live: customers see a technician's photo appear; staff views follow through the change feed.
alter table public.attachments replica identity full;
alter publication supabase_realtime add table public.attachments;
create trigger record_change after insert or update or delete on public.attachments
  for each row execute function private.record_change();

-- The change feed tells the customer about attachments they may read (20261202000026's rules,
-- plus attachments: a draft quote's or invoice's documents are not theirs to see yet).
create or replace function private.record_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data jsonb;
  org uuid;
  customer uuid;
begin
  if tg_op = 'DELETE' then
    row_data := to_jsonb(old);
  else
    row_data := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' and to_jsonb(old) = row_data then
    return null;
  end if;
  if tg_table_name = 'organizations' then
    if tg_op = 'DELETE' then
      return null;
    end if;
    org := (row_data ->> 'id')::uuid;
  elsif tg_table_name = 'invoice_line_items' then
    select i.organization_id into org from public.invoices i where i.id = (row_data ->> 'invoice_id')::uuid;
  elsif tg_table_name = 'quote_line_items' then
    select q.organization_id into org from public.quotes q where q.id = (row_data ->> 'quote_id')::uuid;
  else
    org := (row_data ->> 'organization_id')::uuid;
  end if;
  -- Mirrors the customers' select policies of these tables.
  if tg_table_name in ('jobs', 'messages', 'loyalty_transactions', 'payments', 'customer_credits', 'properties') then
    customer := (row_data ->> 'customer_id')::uuid;
  elsif tg_table_name in ('invoices', 'quotes') and row_data ->> 'status' <> 'draft' then
    customer := (row_data ->> 'customer_id')::uuid;
  elsif tg_table_name = 'attachments' and private.attachment_visible_to_customer(row_data) then
    customer := (row_data ->> 'customer_id')::uuid;
  end if;
  if org is not null then
    insert into public.realtime_table_events (organization_id, customer_id, table_name, record_id, event_type)
    values (org, customer, tg_table_name, (row_data ->> 'id')::uuid, tg_op);
  end if;
  return null;
end
$$;
revoke all on function private.record_change() from public, anon;
revoke execute on function private.record_change() from authenticated, service_role;
