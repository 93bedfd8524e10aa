-- On site: what a technician adds during a visit and the office follows live. Notes written on
-- site; extra lines priced from the catalog that carry into the job's invoice; payment taken at
-- the door (cash or check through the same path as the office's payments, or the customer's card
-- through the provider's checkout); the technician's photo for the portal's arrival banner.

-- The checklist's ticks get an id so the organization's change feed can report them (the office's
-- view of a visit follows them live).
alter table public.job_checklist_ticks add column id uuid not null default gen_random_uuid() unique;
create trigger record_change after insert or update or delete on public.job_checklist_ticks
  for each row execute function private.record_change();

-- Whether technicians may add a line that is not in the catalog, with a price they type.
alter table public.organizations add column technicians_add_custom_lines boolean not null default false;

-- ─── Notes written on site ─────────────────────────────────────────────────────────────────────

create table public.job_notes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  job_id uuid not null,
  body text not null check (length(btrim(body)) between 1 and 2000),
  -- Set by the database: who wrote it (their staff row and account) and when.
  author_staff_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade,
  foreign key (organization_id, author_staff_id) references public.staff_members (organization_id, id)
    on delete set null (author_staff_id)
);
create index job_notes_job_idx on public.job_notes (job_id, created_at);
create index job_notes_org_idx on public.job_notes (organization_id);

create function private.job_notes_stamp()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_trusted_caller() then
    new.author_staff_id := public.my_staff_member_id(new.organization_id);
    new.created_by := auth.uid();
    new.created_at := now();
  end if;
  return new;
end
$$;
revoke all on function private.job_notes_stamp() from public, anon;
create trigger job_notes_stamp before insert on public.job_notes
  for each row execute function private.job_notes_stamp();

alter table public.job_notes enable row level security;
-- Staff who see the job (office staff, its technician) read its notes; customers never do.
create policy "staff read notes of jobs they see" on public.job_notes for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids()))
         and exists (select 1 from public.jobs j where j.id = job_notes.job_id));
create policy "the job's technician or office staff write notes" on public.job_notes for insert to authenticated
  with check (exists (
    select 1 from public.jobs j
    where j.id = job_notes.job_id and j.organization_id = job_notes.organization_id
      and (j.technician_id = any (array(select public.my_staff_member_ids())) or public.can_manage_org(j.organization_id))
  ));
-- Notes are a record of the visit: never edited, removed only by office staff.
create policy "office staff remove notes" on public.job_notes for delete to authenticated
  using (public.can_manage_org(organization_id));
grant select, insert, delete on public.job_notes to authenticated;
grant select, insert, update, delete on public.job_notes to service_role;
create trigger record_change after insert or update or delete on public.job_notes
  for each row execute function private.record_change();

-- ─── Extra lines added on site ─────────────────────────────────────────────────────────────────

create table public.job_line_items (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  job_id uuid not null,
  service_id uuid,
  description text not null check (length(btrim(description)) between 1 and 500),
  quantity integer not null default 1 check (quantity between 1 and 1000),
  -- Catalog lines take the service's price; custom lines the price typed (set by the trigger).
  unit_price_cents integer not null check (unit_price_cents between 0 and 100000000),
  amount_cents integer not null default 0,
  taxable boolean not null default false,
  tax_rate_bps integer not null default 0 check (tax_rate_bps between 0 and 10000),
  added_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade,
  foreign key (organization_id, service_id) references public.services (organization_id, id)
    on delete set null (service_id)
);
create index job_line_items_job_idx on public.job_line_items (job_id, created_at);
create index job_line_items_org_idx on public.job_line_items (organization_id);

-- An invoice line that came from a job's extra line (one invoice per extra line).
alter table public.invoice_line_items
  add column job_line_item_id uuid unique references public.job_line_items (id) on delete cascade;

-- Why a job can take no more lines, or null while it can: done or cancelled, or its invoice has
-- gone out (a draft invoice still follows the job's lines).
create function private.job_lines_closed_reason(p_job public.jobs)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when p_job.status = 'completed' then 'This visit is completed; its lines can no longer change'
    when p_job.status = 'cancelled' then 'This visit is cancelled; its lines can no longer change'
    when exists (select 1 from public.invoices i where i.job_id = p_job.id and i.status not in ('draft', 'void'))
      then 'This visit is invoiced; its lines can no longer change'
  end
$$;
revoke all on function private.job_lines_closed_reason(public.jobs) from public, anon, authenticated, service_role;

-- The rate a taxable line gets: the organization's default, if it has one.
create function private.default_tax_rate_bps(p_organization_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select t.rate_bps from public.tax_rates t
                   where t.organization_id = p_organization_id and t.is_default and t.active), 0)
$$;
revoke all on function private.default_tax_rate_bps(uuid) from public, anon, authenticated, service_role;

-- The database prices lines: a catalog line is the service's name, price and tax; a custom line
-- (office staff, or technicians where the business allows it) keeps its typed price. Lines of a
-- completed, cancelled or invoiced visit do not change.
create function private.job_line_items_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  job public.jobs;
  svc public.services;
  reason text;
  rate integer;
begin
  -- The job itself going away (or its customer) takes its lines along.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  select * into job from public.jobs j
  where j.id = case when tg_op = 'DELETE' then old.job_id else new.job_id end
  for update;
  reason := private.job_lines_closed_reason(job);
  if reason is not null and not private.is_trusted_caller() then
    raise exception '%', reason using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  rate := private.default_tax_rate_bps(new.organization_id);
  if new.service_id is not null then
    select * into svc from public.services s where s.id = new.service_id and s.organization_id = new.organization_id;
    if not found then
      raise exception 'Service % not found', new.service_id using errcode = 'P0002';
    end if;
    if not svc.active then
      raise exception '% is no longer offered', svc.name using errcode = 'P0001';
    end if;
    new.description := svc.name;
    new.unit_price_cents := svc.base_price_cents;
    new.taxable := svc.taxable and rate > 0;
  else
    if not private.is_trusted_caller() and not public.can_manage_org(new.organization_id)
       and not (select o.technicians_add_custom_lines from public.organizations o where o.id = new.organization_id) then
      raise exception 'Choose an item from the catalog'
        using errcode = '42501', hint = 'The office can allow custom lines in Settings.';
    end if;
    new.description := btrim(new.description);
    new.taxable := new.taxable and rate > 0;
  end if;
  new.tax_rate_bps := case when new.taxable then rate else 0 end;
  new.amount_cents := new.quantity * new.unit_price_cents;
  if not private.is_trusted_caller() then
    new.added_by := auth.uid();
    new.created_at := now();
  end if;
  return new;
end
$$;
revoke all on function private.job_line_items_prepare() from public, anon;
create trigger job_line_items_prepare before insert or update or delete on public.job_line_items
  for each row execute function private.job_line_items_prepare();

-- A line added while the job has a draft invoice goes onto it too (a removed line leaves it by the
-- foreign key's cascade).
create function private.job_line_items_to_invoice()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.invoice_line_items
    (invoice_id, service_id, description, quantity, unit_price_cents, taxable, tax_rate_bps, position, job_line_item_id)
  select i.id, new.service_id, new.description, new.quantity, new.unit_price_cents, new.taxable, new.tax_rate_bps,
         1000 + (select count(*) from public.invoice_line_items x where x.invoice_id = i.id)::integer, new.id
  from public.invoices i
  where i.job_id = new.job_id and i.status = 'draft'
  order by i.created_at desc
  limit 1;
  return null;
end
$$;
revoke all on function private.job_line_items_to_invoice() from public, anon;
revoke execute on function private.job_line_items_to_invoice() from authenticated, service_role;
create trigger job_line_items_to_invoice after insert on public.job_line_items
  for each row execute function private.job_line_items_to_invoice();

-- A new invoice for a job takes the job's extra lines that are on no invoice yet, however it is
-- made (the office's form, a quote, payment on site).
create function private.invoices_take_job_lines()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.invoice_line_items
    (invoice_id, service_id, description, quantity, unit_price_cents, taxable, tax_rate_bps, position, job_line_item_id)
  select new.id, l.service_id, l.description, l.quantity, l.unit_price_cents, l.taxable, l.tax_rate_bps,
         1000 + (row_number() over (order by l.created_at, l.id))::integer, l.id
  from public.job_line_items l
  where l.job_id = new.job_id
    and not exists (select 1 from public.invoice_line_items x where x.job_line_item_id = l.id);
  return null;
end
$$;
revoke all on function private.invoices_take_job_lines() from public, anon;
revoke execute on function private.invoices_take_job_lines() from authenticated, service_role;
create trigger invoices_take_job_lines after insert on public.invoices
  for each row when (new.job_id is not null and new.status = 'draft')
  execute function private.invoices_take_job_lines();

alter table public.job_line_items enable row level security;
create policy "staff read lines of jobs they see" on public.job_line_items for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids()))
         and exists (select 1 from public.jobs j where j.id = job_line_items.job_id));
create policy "the job's technician or office staff add lines" on public.job_line_items for insert to authenticated
  with check (exists (
    select 1 from public.jobs j
    where j.id = job_line_items.job_id and j.organization_id = job_line_items.organization_id
      and (j.technician_id = any (array(select public.my_staff_member_ids())) or public.can_manage_org(j.organization_id))
  ));
create policy "the job's technician or office staff remove lines" on public.job_line_items for delete to authenticated
  using (exists (
    select 1 from public.jobs j
    where j.id = job_line_items.job_id
      and (j.technician_id = any (array(select public.my_staff_member_ids())) or public.can_manage_org(j.organization_id))
  ));
grant select, insert, delete on public.job_line_items to authenticated;
grant select, insert, update, delete on public.job_line_items to service_role;
create trigger record_change after insert or update or delete on public.job_line_items
  for each row execute function private.record_change();

-- ─── Payment on site ───────────────────────────────────────────────────────────────────────────

alter table public.payments
  add column check_number text check (length(btrim(check_number)) between 1 and 50),
  add constraint payments_check_number_for_checks check (check_number is null or method = 'check');

-- The one way an offline payment (cash, check, transfer, card terminal) is written, for the
-- office's "Record payment" and the technician's payment on site alike.
create function private.insert_offline_payment(
  inv public.invoices,
  p_payment_id uuid,
  p_amount_cents integer,
  p_tip_cents integer,
  p_method public.payment_method,
  p_received_at timestamptz,
  p_note text,
  p_check_number text
)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  result public.payments;
begin
  perform private.assert_payable(inv, p_amount_cents, p_tip_cents);
  if p_method is null then
    raise exception 'Choose how it was paid' using errcode = '22023';
  end if;
  if p_received_at is null or p_received_at > now() + interval '1 day' then
    raise exception 'The payment date cannot be in the future' using errcode = '22023';
  end if;
  if length(coalesce(p_note, '')) > 1000 then
    raise exception 'The note is too long (at most 1000 characters)' using errcode = '22023';
  end if;
  if p_method = 'check' and p_check_number is not null and length(btrim(p_check_number)) not between 1 and 50 then
    raise exception 'A check number is 1 to 50 characters' using errcode = '22023';
  end if;
  insert into public.payments (id, organization_id, customer_id, invoice_id, amount_cents, tip_cents, method, status,
                               note, received_at, check_number)
  values (coalesce(p_payment_id, gen_random_uuid()), inv.organization_id, inv.customer_id, inv.id, p_amount_cents,
          coalesce(p_tip_cents, 0), p_method, 'succeeded', nullif(btrim(p_note), ''), p_received_at,
          case when p_method = 'check' then nullif(btrim(p_check_number), '') end)
  returning * into result;
  return result;
end
$$;
revoke all on function private.insert_offline_payment(public.invoices, uuid, integer, integer, public.payment_method, timestamptz, text, text)
  from public, anon, authenticated, service_role;

create or replace function public.record_payment(
  p_invoice_id uuid,
  p_amount_cents integer,
  p_method public.payment_method,
  p_received_at timestamptz default now(),
  p_note text default null,
  p_tip_cents integer default 0
)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  inv public.invoices := private.lock_invoice(p_invoice_id, false, array['owner', 'admin', 'office']::public.staff_role[]);
begin
  return private.insert_offline_payment(inv, null, p_amount_cents, p_tip_cents, p_method, p_received_at, p_note, null);
end
$$;

-- The job (locked) when the caller is its technician or office staff; "not found" otherwise, so
-- another technician learns nothing about it.
create function private.lock_job_for_visit(p_job_id uuid)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  job public.jobs;
begin
  select * into job from public.jobs j where j.id = p_job_id for update;
  if found and (private.is_trusted_caller()
                or job.technician_id = any (array(select public.my_staff_member_ids()))
                or public.can_manage_org(job.organization_id)) then
    return job;
  end if;
  raise exception 'Job % not found', p_job_id using errcode = 'P0002';
end
$$;
revoke all on function private.lock_job_for_visit(uuid) from public, anon, authenticated, service_role;

-- The job's open invoice, made from the job when it has none (its price as the first line, then
-- its extra lines by invoices_take_job_lines), and sent: a draft cannot be paid.
create function private.job_invoice_for_payment(job public.jobs)
returns public.invoices
language plpgsql
security definer
set search_path = ''
as $$
declare
  inv public.invoices;
  svc public.services;
  rate integer := private.default_tax_rate_bps(job.organization_id);
begin
  select * into inv from public.invoices i
  where i.job_id = job.id and i.status <> 'void'
  order by i.created_at desc limit 1
  for update;
  if not found then
    insert into public.invoices (organization_id, customer_id, job_id, property_id, status, due_at)
    values (job.organization_id, job.customer_id, job.id, job.property_id, 'draft', now())
    returning * into inv;
    if job.price_cents > 0 then
      select * into svc from public.services s where s.id = job.service_id;
      insert into public.invoice_line_items (invoice_id, service_id, description, quantity, unit_price_cents, taxable, tax_rate_bps, position)
      values (inv.id, job.service_id, job.title, 1, job.price_cents, coalesce(svc.taxable, false) and rate > 0,
              case when coalesce(svc.taxable, false) then rate else 0 end, 0);
    end if;
  end if;
  if inv.status = 'draft' then
    update public.invoices i set status = 'sent', due_at = greatest(coalesce(i.due_at, now()), now())
    where i.id = inv.id;
  end if;
  select * into inv from public.invoices i where i.id = inv.id;
  return inv;
end
$$;
revoke all on function private.job_invoice_for_payment(public.jobs) from public, anon, authenticated, service_role;

-- A payment taken at the door by the job's technician (or office staff): cash or a check, toward
-- the job's invoice (made and sent here when there is none). The amount defaults to the balance.
-- p_payment_id is chosen by the phone, so a second tap returns the same payment.
create function public.collect_job_payment(
  p_payment_id uuid,
  p_job_id uuid,
  p_method public.payment_method,
  p_amount_cents integer default null,
  p_check_number text default null,
  p_tip_cents integer default 0
)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  job public.jobs;
  inv public.invoices;
  existing public.payments;
begin
  if p_payment_id is null then
    raise exception 'A payment id is required' using errcode = '22023';
  end if;
  job := private.lock_job_for_visit(p_job_id);
  select * into existing from public.payments p where p.id = p_payment_id;
  if found then
    if existing.invoice_id in (select i.id from public.invoices i where i.job_id = job.id)
       and existing.method = p_method and (p_amount_cents is null or existing.amount_cents = p_amount_cents)
       and existing.tip_cents = coalesce(p_tip_cents, 0) then
      return existing;
    end if;
    raise exception 'This payment was already recorded with other details' using errcode = '23505';
  end if;
  if job.status not in ('in_progress', 'completed') then
    raise exception 'Take payment once the visit has started (this one is %)', job.status using errcode = 'P0001';
  end if;
  if p_method not in ('cash', 'check') then
    raise exception 'On site, record cash or a check; a card goes through the checkout' using errcode = '22023';
  end if;
  if p_method = 'check' and length(btrim(coalesce(p_check_number, ''))) = 0 then
    raise exception 'Enter the check number' using errcode = '22023';
  end if;
  inv := private.job_invoice_for_payment(job);
  return private.insert_offline_payment(inv, p_payment_id, coalesce(p_amount_cents, inv.balance_cents), p_tip_cents,
                                        p_method, now(), null, p_check_number);
end
$$;

-- The customer pays by card on the technician's phone: a pending card payment of the job's
-- balance, which the server hands to the provider's checkout (as the portal's online payments).
create function public.start_job_card_payment(p_payment_id uuid, p_job_id uuid)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  job public.jobs;
  inv public.invoices;
  existing public.payments;
  result public.payments;
begin
  if p_payment_id is null then
    raise exception 'A payment id is required' using errcode = '22023';
  end if;
  job := private.lock_job_for_visit(p_job_id);
  select * into existing from public.payments p where p.id = p_payment_id;
  if found then
    if existing.method = 'card' and existing.invoice_id in (select i.id from public.invoices i where i.job_id = job.id) then
      return existing;
    end if;
    raise exception 'This payment was already recorded with other details' using errcode = '23505';
  end if;
  if job.status not in ('in_progress', 'completed') then
    raise exception 'Take payment once the visit has started (this one is %)', job.status using errcode = 'P0001';
  end if;
  inv := private.job_invoice_for_payment(job);
  perform private.assert_payable(inv, inv.balance_cents, 0);
  insert into public.payments (id, organization_id, customer_id, invoice_id, amount_cents, tip_cents, method, status)
  values (p_payment_id, inv.organization_id, inv.customer_id, inv.id, inv.balance_cents, 0, 'card', 'pending')
  returning * into result;
  return result;
end
$$;

revoke all on function public.collect_job_payment(uuid, uuid, public.payment_method, integer, text, integer),
  public.start_job_card_payment(uuid, uuid) from public, anon;
grant execute on function public.collect_job_payment(uuid, uuid, public.payment_method, integer, text, integer),
  public.start_job_card_payment(uuid, uuid) to authenticated, service_role;

-- ─── The technician's photo ────────────────────────────────────────────────────────────────────

-- A staff member's photo, in the public `avatars` bucket at `<organization>/<staff member>/<name>`:
-- public because it is shown to customers on the arrival banner (nothing private in it).
alter table public.staff_members add column avatar_path text check (length(avatar_path) <= 500);

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('avatars', 'avatars', true, 5242880, array['image/jpeg', 'image/png', 'image/webp'])
on conflict (id) do nothing;

-- Each staff member writes only their own folder.
create function private.is_my_avatar_folder(p_name text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.staff_members s
    where s.id = private.path_uuid(p_name, 2)
      and s.organization_id = private.path_uuid(p_name, 1)
      and s.id = any (array(select public.my_staff_member_ids()))
  )
$$;
revoke all on function private.is_my_avatar_folder(text) from public, anon;
grant execute on function private.is_my_avatar_folder(text) to authenticated, service_role;

create policy "avatars: staff add their own" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and private.is_my_avatar_folder(name));
create policy "avatars: staff read their own" on storage.objects for select to authenticated
  using (bucket_id = 'avatars' and private.is_my_avatar_folder(name));
create policy "avatars: staff replace their own" on storage.objects for update to authenticated
  using (bucket_id = 'avatars' and private.is_my_avatar_folder(name))
  with check (bucket_id = 'avatars' and private.is_my_avatar_folder(name));
create policy "avatars: staff remove their own" on storage.objects for delete to authenticated
  using (bucket_id = 'avatars' and private.is_my_avatar_folder(name));

-- Staff set (or clear) their own photo; only an object stored in their own folder is accepted.
create function public.set_my_avatar(p_organization_id uuid, p_path text default null)
returns public.staff_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := public.my_staff_member_id(p_organization_id);
  result public.staff_members;
begin
  if me is null then
    raise exception 'Organization % not found', p_organization_id using errcode = 'P0002';
  end if;
  if p_path is not null and (
       private.path_uuid(p_path, 1) is distinct from p_organization_id
       or private.path_uuid(p_path, 2) is distinct from me
       or not exists (select 1 from storage.objects o where o.bucket_id = 'avatars' and o.name = p_path)) then
    raise exception 'Upload the photo to your own folder first' using errcode = '22023';
  end if;
  update public.staff_members s set avatar_path = p_path where s.id = me returning * into result;
  return result;
end
$$;
revoke all on function public.set_my_avatar(uuid, text) from public, anon;
grant execute on function public.set_my_avatar(uuid, text) to authenticated, service_role;
