-- Customers as the office keeps them (tags, where they came from, archived rather than deleted)
-- and their service addresses: a customer can have several properties (home, rental, office),
-- each with access notes technicians need at the door. Jobs, quotes and invoices name the
-- property they are about. Today's single customer address becomes each customer's first one.

-- Tags: short labels, no blanks, no duplicates.
create function private.tags_are_valid(p_tags text[])
returns boolean
language sql
immutable
set search_path = ''
as $$
  select cardinality(p_tags) <= 20
     and coalesce(bool_and(length(btrim(t)) between 1 and 40 and t = btrim(t)), true)
     and count(*) = count(distinct lower(t))
  from unnest(p_tags) as t
$$;

alter table public.customers
  add column tags text[] not null default '{}'
    constraint customers_tags_valid check (private.tags_are_valid(tags)),
  add column source text check (length(btrim(source)) between 1 and 100),
  -- Archived customers keep their history; they leave the lists and cannot be booked.
  add column archived_at timestamptz;
comment on column public.customers.tags is 'Labels such as "VIP" or "Rental owner", at most 20.';
comment on column public.customers.source is 'Where the customer came from (referral, website, …).';
create index customers_tags_idx on public.customers using gin (tags);
create index customers_active_idx on public.customers (organization_id, last_name, first_name) where archived_at is null;

-- Duplicate detection for "New customer": the same e-mail (any case) or the same phone digits.
create index customers_email_lower_idx on public.customers (organization_id, lower(email)) where email is not null;
create index customers_phone_digits_idx on public.customers (organization_id, phone_digits) where phone_digits is not null;

create function public.find_duplicate_customers(p_organization_id uuid, p_email text, p_phone text)
returns setof public.customers
language sql
stable
set search_path = ''
as $$
  select c.* from public.customers c
  where c.organization_id = p_organization_id
    and (
      (nullif(btrim(p_email), '') is not null and lower(c.email) = lower(btrim(p_email)))
      or (length(regexp_replace(coalesce(p_phone, ''), '[^0-9]', '', 'g')) >= 7
          and c.phone_digits = regexp_replace(p_phone, '[^0-9]', '', 'g'))
    )
  order by c.archived_at nulls first, c.created_at
  limit 5
$$;
revoke all on function public.find_duplicate_customers(uuid, text, text) from public, anon;
grant execute on function public.find_duplicate_customers(uuid, text, text) to authenticated, service_role;

create table public.properties (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  label text not null default 'Home' check (length(btrim(label)) between 1 and 60),
  address_line1 text not null check (length(btrim(address_line1)) between 1 and 200),
  address_line2 text check (length(address_line2) <= 200),
  city text check (length(city) <= 100),
  region text check (length(region) <= 100),
  postal_code text check (length(postal_code) <= 20),
  -- Gate code, pets, parking: what a technician needs at the door.
  access_notes text check (length(access_notes) <= 2000),
  -- The customer's main address: jobs without a property go here.
  is_primary boolean not null default false,
  -- Null while a property the customer added waits for the office to confirm it.
  confirmed_at timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, customer_id, id),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade
);
create index properties_customer_idx on public.properties (customer_id, is_primary desc, created_at);
create index properties_org_idx on public.properties (organization_id);
create unique index properties_one_primary_idx on public.properties (customer_id) where is_primary;

create function private.property_address(p public.properties)
returns text
language sql
immutable
set search_path = ''
as $$
  select nullif(concat_ws(', ', p.address_line1, p.address_line2, p.city, p.region, p.postal_code), '')
$$;

-- Customers add properties for the office to confirm and edit only their label and access notes;
-- a property that holds jobs is archived, not deleted.
create function private.properties_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_end_user() or public.can_manage_org(coalesce(new.organization_id, old.organization_id)) then
    if tg_op = 'UPDATE' and new.is_primary and new.archived_at is not null then
      raise exception 'The main address cannot be archived; make another property the main one first'
        using errcode = '22023';
    end if;
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.confirmed_at := null;
    new.is_primary := false;
    new.archived_at := null;
    return new;
  end if;
  perform private.assert_only_columns_changed(
    to_jsonb(old), to_jsonb(new), array['label', 'access_notes', 'updated_at'], 'property');
  return new;
end
$$;
create trigger properties_a_guard before insert or update on public.properties
  for each row execute function private.properties_guard();
create trigger properties_set_updated_at before update on public.properties
  for each row execute function private.set_updated_at();

-- Making a property the main one takes the flag from the customer's previous main property.
create function private.properties_single_primary()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.is_primary then
    update public.properties p set is_primary = false
    where p.customer_id = new.customer_id and p.id <> new.id and p.is_primary;
  end if;
  return new;
end
$$;
create trigger properties_b_single_primary before insert or update of is_primary on public.properties
  for each row when (new.is_primary) execute function private.properties_single_primary();

alter table public.properties enable row level security;
create policy "staff read properties" on public.properties for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their properties" on public.properties for select to authenticated
  using (customer_id = (select public.my_customer_id()));
create policy "office staff add properties" on public.properties for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "customers add their properties" on public.properties for insert to authenticated
  with check (customer_id = (select public.my_customer_id())
              and organization_id = (select public.my_customer_organization_id()));
create policy "office staff update properties" on public.properties for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "customers update their properties" on public.properties for update to authenticated
  using (customer_id = (select public.my_customer_id()))
  with check (customer_id = (select public.my_customer_id()));
create policy "office staff delete properties" on public.properties for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
grant select, insert, update, delete on public.properties to authenticated;
grant select, insert, update, delete on public.properties to service_role;

-- Each existing customer's address becomes their first (main, confirmed) property.
insert into public.properties (organization_id, customer_id, label, address_line1, address_line2, city, region,
                               postal_code, is_primary, confirmed_at, created_at)
select c.organization_id, c.id, 'Home', btrim(c.address_line1), c.address_line2, c.city, c.region, c.postal_code,
       true, c.created_at, c.created_at
from public.customers c
where nullif(btrim(c.address_line1), '') is not null;

-- A customer created with an address (by hand, by import or by the API) gets it as their main
-- property: one statement for a whole import.
create function private.customers_main_property()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.properties (organization_id, customer_id, label, address_line1, address_line2, city, region,
                                 postal_code, is_primary, confirmed_at)
  select c.organization_id, c.id, 'Home', btrim(c.address_line1), c.address_line2, c.city, c.region, c.postal_code,
         true, now()
  from created c
  where nullif(btrim(c.address_line1), '') is not null;
  return null;
end
$$;
create trigger customers_main_property after insert on public.customers
  referencing new table as created
  for each statement execute function private.customers_main_property();

-- Jobs, quotes and invoices name their property (of the same customer: the key says so).
alter table public.jobs add column property_id uuid;
alter table public.jobs add constraint jobs_property_fkey foreign key (organization_id, customer_id, property_id)
  references public.properties (organization_id, customer_id, id) on delete set null (property_id);
create index jobs_property_idx on public.jobs (property_id) where property_id is not null;
alter table public.quotes add column property_id uuid;
alter table public.quotes add constraint quotes_property_fkey foreign key (organization_id, customer_id, property_id)
  references public.properties (organization_id, customer_id, id) on delete set null (property_id);
create index quotes_property_idx on public.quotes (property_id) where property_id is not null;
alter table public.invoices add column property_id uuid;
alter table public.invoices add constraint invoices_property_fkey foreign key (organization_id, customer_id, property_id)
  references public.properties (organization_id, customer_id, id) on delete set null (property_id);
create index invoices_property_idx on public.invoices (property_id) where property_id is not null;

update public.jobs j set property_id = p.id
from public.properties p where p.customer_id = j.customer_id and p.is_primary;
update public.quotes q set property_id = p.id
from public.properties p where p.customer_id = q.customer_id and p.is_primary;
update public.invoices i set property_id = p.id
from public.properties p where p.customer_id = i.customer_id and p.is_primary;

-- A quote turned into a job or an invoice hands on its property.
create function private.quotes_carry_property()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.property_id is null then
    return null;
  end if;
  if new.job_id is distinct from old.job_id and new.job_id is not null then
    update public.jobs j set property_id = new.property_id
    where j.id = new.job_id and j.property_id is distinct from new.property_id;
  end if;
  if new.invoice_id is distinct from old.invoice_id and new.invoice_id is not null then
    update public.invoices i set property_id = new.property_id
    where i.id = new.invoice_id and i.property_id is distinct from new.property_id;
  end if;
  return null;
end
$$;
create trigger quotes_carry_property after update of job_id, invoice_id on public.quotes
  for each row execute function private.quotes_carry_property();

-- A new job, quote or invoice without a property goes to the customer's main one.
create function private.default_property()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.property_id is null then
    select p.id into new.property_id from public.properties p
    where p.customer_id = new.customer_id and p.is_primary and p.archived_at is null;
  end if;
  return new;
end
$$;
create trigger quotes_default_property before insert on public.quotes
  for each row execute function private.default_property();
create trigger invoices_default_property before insert on public.invoices
  for each row execute function private.default_property();

-- jobs: as before, plus the address comes from the job's property (the main one by default), and
-- a job moved to another property takes that property's address.
create or replace function private.jobs_prepare()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  place public.properties;
begin
  if tg_op = 'INSERT' and new.property_id is null then
    select p.id into new.property_id from public.properties p
    where p.customer_id = new.customer_id and p.is_primary and p.archived_at is null;
  end if;
  if new.property_id is not null
     and (tg_op = 'INSERT' and new.address is null
          or tg_op = 'UPDATE' and new.property_id is distinct from old.property_id
             and new.address is not distinct from old.address) then
    select * into place from public.properties p where p.id = new.property_id;
    new.address := private.property_address(place);
  end if;
  if tg_op = 'INSERT' and new.address is null then
    select nullif(concat_ws(', ', c.address_line1, c.address_line2, c.city, c.region, c.postal_code), '')
      into new.address
    from public.customers c where c.id = new.customer_id;
  end if;
  if new.status = 'confirmed' and new.confirmed_at is null then
    new.confirmed_at := now();
  end if;
  if new.status = 'completed' and new.completed_at is null then
    new.completed_at := now();
  end if;
  if new.status = 'cancelled' and new.cancelled_at is null then
    new.cancelled_at := now();
  end if;
  if tg_op = 'UPDATE' and new.scheduled_start is distinct from old.scheduled_start
     and new.reschedule_requested_at is not distinct from old.reschedule_requested_at then
    new.reschedule_requested_at := null;
    new.reschedule_note := null;
    new.reschedule_preferred_times := null;
  end if;
  return new;
end
$$;

-- Archived customers take no new work.
create function private.assert_customer_active()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.customers c where c.id = new.customer_id and c.archived_at is not null) then
    raise exception 'This customer is archived; restore them before adding new work' using errcode = '22023';
  end if;
  return new;
end
$$;
create trigger jobs_customer_active before insert on public.jobs
  for each row execute function private.assert_customer_active();
create trigger quotes_customer_active before insert on public.quotes
  for each row execute function private.assert_customer_active();

-- Customers may not tag, source or archive themselves.
create or replace function private.customers_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_end_user() then
    return new;
  end if;
  if new.portal_user_id is distinct from old.portal_user_id then
    raise exception 'The portal login is linked with provision_portal_user()' using errcode = '42501';
  end if;
  if not public.can_manage_org(old.organization_id) then
    perform private.assert_only_columns_changed(
      to_jsonb(old), to_jsonb(new),
      array['first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city',
            'region', 'postal_code', 'notification_preferences', 'search_text', 'phone_digits'],
      'customer record');
  end if;
  return new;
end
$$;

-- Staff hear of a property a customer added (to confirm it).
alter type public.staff_notification_kind add value if not exists 'property_added';
alter type public.staff_notification_kind add value if not exists 'booking_requested';
alter type public.staff_notification_kind add value if not exists 'job_rescheduled';
alter table public.staff_notifications drop constraint staff_notifications_record_table_check;
alter table public.staff_notifications add constraint staff_notifications_record_table_check
  check (record_table in ('jobs', 'messages', 'loyalty_transactions', 'customers', 'quotes', 'invoices',
                          'payments', 'properties'));

create function private.notify_staff_of_property()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select public.my_customer_id()) is distinct from new.customer_id then
    return null;
  end if;
  perform private.notify_staff(
    new.organization_id, new.customer_id, 'property_added',
    'properties', new.id,
    format('%s added a property to confirm: %s', private.customer_display_name(new.customer_id),
           private.property_address(new)),
    new.access_notes);
  return null;
end
$$;
create trigger notify_staff_of_property after insert on public.properties
  for each row execute function private.notify_staff_of_property();

-- Live: customers see their properties confirmed; staff views follow the change feed.
alter table public.properties replica identity full;
alter publication supabase_realtime add table public.properties;
create trigger record_change after insert or update or delete on public.properties
  for each row execute function private.record_change();
-- The customer's history tells of their properties too ("Rental: 707 E Oltorf St").
alter table public.audit_events drop constraint audit_events_table_name_check;
alter table public.audit_events add constraint audit_events_table_name_check
  check (table_name in ('customers', 'jobs', 'invoices', 'loyalty_transactions', 'properties'));
create or replace function private.record_audit_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  before jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  after jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  rec jsonb := coalesce(after, before);
  diff jsonb := '{}';
  field text;
  who record;
  label text;
begin
  foreach field in array tg_argv loop
    if tg_op = 'UPDATE' and before -> field is distinct from after -> field then
      diff := diff || jsonb_build_object(field, jsonb_build_object('old', before -> field, 'new', after -> field));
    elsif tg_op = 'INSERT' and coalesce(after -> field, 'null'::jsonb) not in ('null'::jsonb, '[]'::jsonb) then
      diff := diff || jsonb_build_object(field, jsonb_build_object('new', after -> field));
    end if;
  end loop;
  -- An update that touched none of the audited fields (updated_at, read flags, …) is not history.
  if tg_op = 'UPDATE' and diff = '{}'::jsonb then
    return null;
  end if;
  -- Deleting an organization cascades through its records: nothing is left to keep history for.
  if not exists (select 1 from public.organizations o where o.id = (rec ->> 'organization_id')::uuid) then
    return null;
  end if;
  if diff ? 'technician_id' then
    diff := jsonb_set(diff, '{technician_id}', jsonb_build_object(
      'old', private.audit_staff_name(diff #> '{technician_id,old}'),
      'new', private.audit_staff_name(diff #> '{technician_id,new}')));
  end if;

  label := case tg_table_name
    when 'customers' then nullif(btrim(concat_ws(' ', rec ->> 'first_name', rec ->> 'last_name')), '')
    when 'jobs' then rec ->> 'title'
    when 'invoices' then rec ->> 'number'
    when 'loyalty_transactions' then (rec ->> 'points') || ' points'
    when 'properties' then concat_ws(': ', rec ->> 'label', rec ->> 'address_line1')
  end;
  who := private.audit_actor((rec ->> 'organization_id')::uuid);

  insert into public.audit_events
    (organization_id, customer_id, table_name, record_id, record_label, action, actor, actor_user_id, actor_name, changes)
  values (
    (rec ->> 'organization_id')::uuid,
    case when tg_table_name = 'customers' then (rec ->> 'id')::uuid else (rec ->> 'customer_id')::uuid end,
    tg_table_name,
    (rec ->> 'id')::uuid,
    left(coalesce(label, tg_table_name), 300),
    case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end::public.audit_action,
    who.actor,
    who.user_id,
    left(who.name, 300),
    diff
  );
  return null;
end
$$;
create trigger record_audit_event after insert or update or delete on public.properties
  for each row execute function private.record_audit_event(
    'label', 'address_line1', 'address_line2', 'city', 'region', 'postal_code', 'access_notes', 'is_primary',
    'confirmed_at', 'archived_at');
-- The customer's history also tells of tags, source and archiving.
drop trigger record_audit_event on public.customers;
create trigger record_audit_event after update or delete on public.customers
  for each row execute function private.record_audit_event(
    'first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city', 'region', 'postal_code',
    'tags', 'source', 'archived_at');
-- A new customer's history starts with what was filled in (no tags is nothing to tell).
create or replace function private.record_customers_created()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.audit_events
    (organization_id, customer_id, table_name, record_id, record_label, action, actor, actor_user_id, actor_name, changes)
  select c.organization_id, c.id, 'customers', c.id,
         left(coalesce(nullif(btrim(concat_ws(' ', c.first_name, c.last_name)), ''), 'customers'), 300),
         'created', who.actor, who.user_id, left(who.name, 300),
         (select coalesce(jsonb_object_agg(e.key, jsonb_build_object('new', e.value)), '{}'::jsonb)
            from jsonb_each(to_jsonb(c)) e
           where e.key = any (tg_argv) and e.value not in ('null'::jsonb, '[]'::jsonb))
    from created c
    join (select o.organization_id, a.actor, a.user_id, a.name
            from (select distinct organization_id from created) o
            cross join lateral private.audit_actor(o.organization_id) a) who
      on who.organization_id = c.organization_id;
  return null;
end
$$;
drop trigger record_audit_event_created on public.customers;
create trigger record_audit_event_created after insert on public.customers
  referencing new table as created
  for each statement execute function private.record_customers_created(
    'first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city', 'region', 'postal_code',
    'tags', 'source', 'archived_at');

-- The change feed: a property's entries are its customer's too (for the portal's catch-up).
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
  end if;
  if org is not null then
    insert into public.realtime_table_events (organization_id, customer_id, table_name, record_id, event_type)
    values (org, customer, tg_table_name, (row_data ->> 'id')::uuid, tg_op);
  end if;
  return null;
end
$$;

-- Only the API's own functions are callable; the definer trigger runs for the customer only.
revoke all on function
  private.tags_are_valid(text[]),
  private.property_address(public.properties),
  private.properties_guard(),
  private.properties_single_primary(),
  private.default_property(),
  private.assert_customer_active(),
  private.notify_staff_of_property(),
  private.customers_main_property(),
  private.quotes_carry_property()
from public, anon;
grant execute on function private.tags_are_valid(text[]), private.property_address(public.properties)
  to authenticated, service_role;
revoke execute on function private.notify_staff_of_property(), private.customers_main_property()
  from authenticated, service_role;
