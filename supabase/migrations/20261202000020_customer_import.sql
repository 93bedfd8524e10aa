-- Customer CSV import, staged: the browser uploads the mapped rows in chunks into
-- customer_import_rows (so the upload can show real progress and survive a retried chunk), a dry
-- run reports every problem, and commit_customer_import() imports all valid rows in one
-- transaction with one set-based insert. Each import belongs to the staff member who started it.

create type public.customer_import_status as enum ('staging', 'committed');
create type public.customer_import_row_status as enum ('pending', 'imported', 'failed');

create table public.customer_imports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  file_name text not null check (length(btrim(file_name)) between 1 and 255),
  -- Data rows in the file (@repo/database/limits MAX_IMPORT_ROWS); the commit refuses until all arrived.
  total_rows integer not null check (total_rows between 1 and 20000),
  status public.customer_import_status not null default 'staging',
  imported_count integer check (imported_count >= 0),
  failed_count integer check (failed_count >= 0),
  committed_at timestamptz,
  created_at timestamptz not null default now()
);
create index customer_imports_owner_idx on public.customer_imports (created_by, created_at desc);
create index customer_imports_org_idx on public.customer_imports (organization_id);

-- One mapped CSV row. Cells are capped generously (not at the customers limits) so that a row
-- with an over-long field is still staged and reported rather than refused.
create table public.customer_import_rows (
  import_id uuid not null references public.customer_imports (id) on delete cascade,
  -- The row's number in the file as a spreadsheet shows it (the header is row 1).
  csv_row integer not null check (csv_row between 2 and 1000000),
  first_name text check (length(first_name) <= 1000),
  last_name text check (length(last_name) <= 1000),
  email text check (length(email) <= 1000),
  phone text check (length(phone) <= 1000),
  address_line1 text check (length(address_line1) <= 1000),
  address_line2 text check (length(address_line2) <= 1000),
  city text check (length(city) <= 1000),
  region text check (length(region) <= 1000),
  postal_code text check (length(postal_code) <= 1000),
  status public.customer_import_row_status not null default 'pending',
  -- Problem codes worded by @repo/domain/customer-import: name_missing, email_invalid,
  -- too_long:<field>, duplicate_in_file:<row>, duplicate_email, duplicate_phone.
  errors text[] not null default '{}',
  customer_id uuid,
  primary key (import_id, csv_row)
);

-- The duplicate checks look customers up by e-mail (any case) and by phone digits per organization.
create index customers_org_email_lower_idx on public.customers (organization_id, lower(email)) where email is not null;
create index customers_org_phone_digits_idx on public.customers (organization_id, phone_digits) where phone_digits is not null;

alter table public.customer_imports enable row level security;
alter table public.customer_import_rows enable row level security;

-- Only the staff member who started an import sees or uses it, and only while they may add customers.
create policy "staff who add customers read their own imports" on public.customer_imports for select to authenticated
  using (created_by = (select auth.uid())
         and organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "staff who add customers start imports" on public.customer_imports for insert to authenticated
  with check (created_by = (select auth.uid())
              and organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "staff discard their own unfinished imports" on public.customer_imports for delete to authenticated
  using (status = 'staging'
         and created_by = (select auth.uid())
         and organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
-- Rows follow their import (the sub-select is itself filtered by the import's policies).
create policy "staff read the rows of their own imports" on public.customer_import_rows for select to authenticated
  using (exists (select 1 from public.customer_imports i where i.id = import_id));
create policy "staff upload rows to their own unfinished imports" on public.customer_import_rows for insert to authenticated
  with check (exists (select 1 from public.customer_imports i where i.id = import_id and i.status = 'staging'));

-- Users write only the data columns; status, counts and results are the commit function's.
revoke all on public.customer_imports, public.customer_import_rows from anon, authenticated;
grant select, delete on public.customer_imports to authenticated;
grant insert (organization_id, file_name, total_rows) on public.customer_imports to authenticated;
grant select on public.customer_import_rows to authenticated;
grant insert (import_id, csv_row, first_name, last_name, email, phone, address_line1, address_line2, city, region, postal_code)
  on public.customer_import_rows to authenticated;
grant select, insert, update, delete on public.customer_imports, public.customer_import_rows to service_role;

-- New customers are audited per statement rather than per row: one insert of all their audit
-- events with the actor looked up once, so importing 10,000 customers costs one statement instead
-- of 10,000 trigger runs (about two thirds of the import's time). Same rows as
-- private.record_audit_event writes for an insert; updates and deletes stay per row.
create function private.record_customers_created()
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
           where e.key = any (tg_argv) and e.value <> 'null'::jsonb)
    from created c
    join (select o.organization_id, a.actor, a.user_id, a.name
            from (select distinct organization_id from created) o
            cross join lateral private.audit_actor(o.organization_id) a) who
      on who.organization_id = c.organization_id;
  return null;
end
$$;

drop trigger record_audit_event on public.customers;
create trigger record_audit_event after update or delete on public.customers
  for each row execute function private.record_audit_event(
    'first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city', 'region', 'postal_code');
create trigger record_audit_event_created after insert on public.customers
  referencing new table as created
  for each statement execute function private.record_customers_created(
    'first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city', 'region', 'postal_code');

-- Every problem of every row of an import, as codes (empty array: the row is fine). The field
-- rules are the customers table's own constraints (so the insert can never fail on one), checked
-- the same way by @repo/domain/customer-import in the browser; duplicates are checked only here:
-- within the file (the first valid row with an e-mail or phone wins) and against the
-- organization's customers (e-mail in any case, or the phone's digits, 7 or more).
create function private.customer_import_problems(p_import_id uuid)
returns table (csv_row integer, problems text[])
language sql
stable
set search_path = ''
as $$
  with imp as (
    select i.organization_id from public.customer_imports i where i.id = p_import_id
  ),
  staged as (
    select r.csv_row,
           nullif(lower(btrim(r.email)), '') as email_key,
           nullif(regexp_replace(coalesce(r.phone, ''), '[^0-9]', '', 'g'), '') as digits,
           array_remove(array[
             case when coalesce(btrim(r.first_name), '') = '' then 'name_missing' end,
             case when nullif(btrim(r.email), '') is not null
                   and (btrim(r.email) !~* '^[^@\s]+@[^@\s]+\.[^@\s]+$' or length(btrim(r.email)) > 254)
                  then 'email_invalid' end,
             case when length(btrim(r.first_name)) > 100 then 'too_long:first_name' end,
             case when length(btrim(r.last_name)) > 100 then 'too_long:last_name' end,
             case when length(btrim(r.phone)) > 40 then 'too_long:phone' end,
             case when length(btrim(r.address_line1)) > 200 then 'too_long:address_line1' end,
             case when length(btrim(r.address_line2)) > 200 then 'too_long:address_line2' end,
             case when length(btrim(r.city)) > 100 then 'too_long:city' end,
             case when length(btrim(r.region)) > 100 then 'too_long:region' end,
             case when length(btrim(r.postal_code)) > 20 then 'too_long:postal_code' end
           ], null) as field_problems
    from public.customer_import_rows r
    where r.import_id = p_import_id
  ),
  valid as (
    select s.csv_row, s.email_key, case when length(s.digits) >= 7 then s.digits end as digits
    from staged s
    where cardinality(s.field_problems) = 0
  ),
  firsts as (
    select v.csv_row, v.email_key, v.digits,
           min(v.csv_row) filter (where v.email_key is not null) over (partition by v.email_key) as first_email_row,
           min(v.csv_row) filter (where v.digits is not null) over (partition by v.digits) as first_phone_row
    from valid v
  )
  select s.csv_row,
         s.field_problems
         || case
              when f.first_email_row < s.csv_row then array['duplicate_in_file:' || f.first_email_row]
              when f.first_phone_row < s.csv_row then array['duplicate_in_file:' || f.first_phone_row]
              else '{}'::text[]
            end
         || case when f.email_key is not null and exists (
                   select 1 from public.customers c, imp
                   where c.organization_id = imp.organization_id and lower(c.email) = f.email_key)
                 then array['duplicate_email'] else '{}'::text[] end
         || case when f.digits is not null and exists (
                   select 1 from public.customers c, imp
                   where c.organization_id = imp.organization_id and c.phone_digits = f.digits)
                 then array['duplicate_phone'] else '{}'::text[] end
  from staged s
  left join firsts f on f.csv_row = s.csv_row
$$;

-- The import when the caller may use it (they started it and may still add customers there);
-- anyone else is told it does not exist, so nothing leaks.
create function private.authorize_customer_import(p_import_id uuid, p_lock boolean)
returns public.customer_imports
language plpgsql
security definer
set search_path = ''
as $$
declare
  imp public.customer_imports;
begin
  if p_lock then
    select * into imp from public.customer_imports i where i.id = p_import_id for update;
  else
    select * into imp from public.customer_imports i where i.id = p_import_id;
  end if;
  if imp.id is null
     or imp.created_by is distinct from (select auth.uid())
     or not (imp.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))) then
    raise exception 'Customer import % not found', p_import_id using errcode = 'PT404';
  end if;
  return imp;
end
$$;

-- The dry run: what the commit would do now, changing nothing. `problems` lists every row with
-- one, in file order: [{"row": 7, "problems": ["email_invalid"]}].
create function public.check_customer_import(p_import_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  imp public.customer_imports := private.authorize_customer_import(p_import_id, false);
  result jsonb;
begin
  select jsonb_build_object(
           'total', imp.total_rows,
           'staged', count(*),
           'ready', count(*) filter (where cardinality(p.problems) = 0),
           'problems', coalesce(
             jsonb_agg(jsonb_build_object('row', p.csv_row, 'problems', to_jsonb(p.problems)) order by p.csv_row)
               filter (where cardinality(p.problems) > 0),
             '[]'::jsonb))
    into result
    from private.customer_import_problems(imp.id) p;
  return result;
end
$$;

-- The import itself, in one transaction: re-checks every row (duplicates included) under a lock
-- that queues imports into the same organization, inserts the valid rows with one statement and
-- records each row's outcome. A second call (a double click, a retried request) finds the import
-- committed under the row lock and returns the same counts without importing again.
create function public.commit_customer_import(p_import_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  imp public.customer_imports := private.authorize_customer_import(p_import_id, true);
  staged integer;
  imported integer;
begin
  if imp.status = 'committed' then
    return jsonb_build_object('imported', imp.imported_count, 'failed', imp.failed_count, 'alreadyCommitted', true);
  end if;
  select count(*) into staged from public.customer_import_rows r where r.import_id = imp.id;
  if staged <> imp.total_rows then
    raise exception 'The upload is incomplete: % of % rows arrived. Check the file again.', staged, imp.total_rows
      using errcode = 'P0001';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('customer_import:' || imp.organization_id::text, 0));

  update public.customer_import_rows r
     set errors = p.problems,
         status = (case when cardinality(p.problems) = 0 then 'imported' else 'failed' end)::public.customer_import_row_status,
         -- Chosen here so each imported row names its customer without matching rows back.
         customer_id = case when cardinality(p.problems) = 0 then gen_random_uuid() end
    from private.customer_import_problems(imp.id) p
   where r.import_id = imp.id and r.csv_row = p.csv_row;

  insert into public.customers
    (id, organization_id, first_name, last_name, email, phone, address_line1, address_line2, city, region, postal_code)
  select r.customer_id, imp.organization_id, btrim(r.first_name), coalesce(btrim(r.last_name), ''),
         lower(nullif(btrim(r.email), '')), nullif(btrim(r.phone), ''), nullif(btrim(r.address_line1), ''),
         nullif(btrim(r.address_line2), ''), nullif(btrim(r.city), ''), nullif(btrim(r.region), ''),
         nullif(btrim(r.postal_code), '')
    from public.customer_import_rows r
   where r.import_id = imp.id and r.status = 'imported'
   order by r.csv_row;
  get diagnostics imported = row_count;

  update public.customer_imports i
     set status = 'committed', imported_count = imported, failed_count = imp.total_rows - imported, committed_at = now()
   where i.id = imp.id;
  return jsonb_build_object('imported', imported, 'failed', imp.total_rows - imported, 'alreadyCommitted', false);
end
$$;

revoke all on function public.check_customer_import(uuid), public.commit_customer_import(uuid) from public, anon;
grant execute on function public.check_customer_import(uuid), public.commit_customer_import(uuid) to authenticated;
revoke execute on function
  private.customer_import_problems(uuid),
  private.authorize_customer_import(uuid, boolean),
  private.record_customers_created()
from public, anon, authenticated, service_role;
