-- Photos in the conversation: a customer attaches a file from their own upload folder
-- (`customer-uploads`, 20261203000028) to a message they sent. The row in public.attachments
-- names the message; staff of the organization and the customer read it as they read the thread,
-- and it travels on the same realtime feeds as every other attachment (docs/FILES.md).

-- The record ids of attachments pair with the organization, as jobs, quotes and invoices do.
alter table public.messages add constraint messages_organization_id_id_key unique (organization_id, id);

alter table public.attachments add column message_id uuid;
alter table public.attachments
  add constraint attachments_message_fkey foreign key (organization_id, message_id)
    references public.messages (organization_id, id) on delete cascade;
create index attachments_message on public.attachments (message_id, created_at) where message_id is not null;

-- One record at most; a message's file is the customer's own upload.
alter table public.attachments drop constraint attachments_one_record;
alter table public.attachments add constraint attachments_one_record
  check (num_nonnulls(job_id, quote_id, invoice_id, message_id) <= 1
         and (message_id is null or bucket_id = 'customer-uploads'));

-- As 20261203000028, plus messages: the customer is the message's, so the path check and the
-- insert policy refuse a file in one customer's folder on another customer's message.
create or replace function private.attachments_prepare()
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
  elsif new.message_id is not null then
    select m.customer_id into new.customer_id from public.messages m where m.id = new.message_id;
  end if;
  if private.is_end_user() then
    new.created_by := (select auth.uid());
    new.created_at := now();
  end if;
  return new;
end
$$;

-- A customer attaches only to a message they sent themselves (not to a staff reply).
drop policy "customers add their uploads" on public.attachments;
create policy "customers add their uploads" on public.attachments for insert to authenticated
  with check (bucket_id = 'customer-uploads'
              and customer_id = (select public.my_customer_id())
              and organization_id = (select public.my_customer_organization_id())
              and (message_id is null
                   or message_id in (select m.id from public.messages m
                                     where m.sender_type = 'customer'
                                       and m.sender_user_id = (select auth.uid()))));
