-- Quotes (estimates): staff write them from the catalog; the customer reads the sent ones, picks
-- among options, and approves with an e-signature or declines with a reason, through functions
-- that check the state. The approved version is stored with the signature and can no longer be
-- edited; an approved quote becomes a job and later an invoice with the same lines.

create type public.quote_status as enum ('draft', 'sent', 'viewed', 'approved', 'declined', 'expired');

alter table public.organizations
  add column next_quote_number integer not null default 1001 check (next_quote_number > 0);

create table public.quotes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  -- Assigned from organizations.next_quote_number when left empty (Q-<n>).
  number text not null default '' check (length(number) <= 40),
  title text not null check (length(btrim(title)) between 1 and 200),
  status public.quote_status not null default 'draft',
  -- Bumped by every change staff make after sending; the customer approves one version.
  version integer not null default 1 check (version > 0),
  valid_until date,
  -- A deposit to pay on approval: a fixed amount or a percent of the total, or none.
  deposit_percent integer check (deposit_percent between 1 and 100),
  deposit_amount_cents integer check (deposit_amount_cents between 1 and 100000000),
  -- Computed from the selected lines.
  subtotal_cents integer not null default 0,
  tax_cents integer not null default 0,
  total_cents integer not null default 0,
  deposit_cents integer not null default 0,
  deposit_paid_cents integer not null default 0,
  notes text check (length(notes) <= 10000),
  terms text check (length(terms) <= 10000),
  sent_at timestamptz,
  viewed_at timestamptz,
  approved_at timestamptz,
  declined_at timestamptz,
  decline_reason text check (length(decline_reason) <= 2000),
  job_id uuid,
  invoice_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quotes_one_deposit_rule check (deposit_percent is null or deposit_amount_cents is null),
  constraint quotes_totals_add_up check (total_cents = subtotal_cents + tax_cents),
  unique (organization_id, number),
  unique (organization_id, id),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete set null (job_id),
  foreign key (organization_id, invoice_id) references public.invoices (organization_id, id) on delete set null (invoice_id)
);
create index quotes_customer on public.quotes (customer_id, created_at desc);
create index quotes_organization on public.quotes (organization_id, created_at desc);

create table public.quote_line_items (
  id uuid primary key default gen_random_uuid(),
  quote_id uuid not null references public.quotes (id) on delete cascade,
  service_id uuid references public.services (id) on delete set null,
  description text not null check (length(btrim(description)) between 1 and 500),
  quantity integer not null default 1 check (quantity between 1 and 100000),
  unit_price_cents integer not null check (unit_price_cents between 0 and 100000000),
  amount_cents integer not null default 0,
  taxable boolean not null default false,
  tax_rate_bps integer not null default 0 check (tax_rate_bps between 0 and 10000),
  -- Lines sharing an option group are alternatives (good / better / best): exactly one is chosen.
  option_group text check (length(btrim(option_group)) between 1 and 60),
  -- An optional line the customer may add or leave out.
  optional boolean not null default false,
  selected boolean not null default true,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  constraint quote_line_items_option_or_optional check (option_group is null or not optional)
);
create index quote_line_items_quote on public.quote_line_items (quote_id, position);

create table public.quote_signatures (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  quote_id uuid not null unique references public.quotes (id) on delete cascade,
  version integer not null,
  signer_name text not null check (length(btrim(signer_name)) between 2 and 200),
  -- The drawn signature as a PNG data URL.
  signature_png text not null check (signature_png like 'data:image/png;base64,%' and length(signature_png) <= 300000),
  signed_by uuid references auth.users (id) on delete set null,
  signed_at timestamptz not null default now(),
  -- The quote as approved: lines chosen, totals, deposit, notes and terms.
  snapshot jsonb not null,
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade
);

create trigger set_updated_at before update on public.quotes
  for each row execute function private.set_updated_at();

-- Totals of the selected lines, by the invoice rule (private.tax_on).
create function private.quote_line_totals(p_quote_id uuid, out subtotal integer, out tax integer)
language sql
stable
set search_path = ''
as $$
  select
    coalesce((select sum(li.amount_cents) from public.quote_line_items li
              where li.quote_id = p_quote_id and li.selected), 0)::integer,
    private.tax_on(coalesce((
      select jsonb_object_agg(r.rate, r.amount)
      from (select li.tax_rate_bps::text as rate, sum(li.amount_cents) as amount
            from public.quote_line_items li
            where li.quote_id = p_quote_id and li.selected and li.taxable
            group by li.tax_rate_bps) r), '{}'))
$$;

create function private.quotes_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  lines record;
begin
  if tg_op = 'INSERT' and btrim(coalesce(new.number, '')) = '' then
    loop
      update public.organizations o set next_quote_number = o.next_quote_number + 1
      where o.id = new.organization_id
      returning 'Q-' || (o.next_quote_number - 1) into new.number;
      exit when new.number is null or not exists (
        select 1 from public.quotes q where q.organization_id = new.organization_id and q.number = new.number
      );
    end loop;
  end if;
  if tg_op = 'INSERT' then
    new.subtotal_cents := 0;
    new.tax_cents := 0;
    new.deposit_paid_cents := 0;
  else
    select * into lines from private.quote_line_totals(new.id);
    new.subtotal_cents := lines.subtotal;
    new.tax_cents := lines.tax;
  end if;
  new.total_cents := new.subtotal_cents + new.tax_cents;
  new.deposit_cents := case
    when new.deposit_amount_cents is not null then least(new.deposit_amount_cents, new.total_cents)
    when new.deposit_percent is not null then round(new.total_cents::numeric * new.deposit_percent / 100)::integer
    else 0 end;
  if new.status = 'sent' and new.sent_at is null then
    new.sent_at := now();
  end if;
  return new;
end
$$;
create trigger quotes_b_prepare before insert or update on public.quotes
  for each row execute function private.quotes_prepare();

-- What staff may change: drafts freely; a sent or viewed quote's content (each change is a new
-- version the customer sees); nothing of an approved or declined quote but its job and invoice
-- links. Customers change quotes only through the functions below.
create function private.quotes_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_end_user() then
    return new;
  end if;
  if old.status in ('approved', 'declined') then
    perform private.assert_only_columns_changed(to_jsonb(old), to_jsonb(new),
      array['job_id', 'invoice_id', 'updated_at'], format('a quote that was %s', old.status));
    return new;
  end if;
  perform private.assert_only_columns_changed(to_jsonb(old), to_jsonb(new),
    array['title', 'status', 'valid_until', 'deposit_percent', 'deposit_amount_cents', 'notes', 'terms',
          'customer_id', 'updated_at', 'sent_at', 'subtotal_cents', 'tax_cents', 'total_cents', 'deposit_cents'],
    'a quote');
  if new.status is distinct from old.status
     and not (old.status = 'draft' and new.status = 'sent')
     and not (old.status in ('sent', 'viewed') and new.status = 'expired') then
    raise exception 'A quote cannot go from % to % here', old.status, new.status
      using errcode = 'P0001', hint = 'Customers approve or decline a quote in the portal.';
  end if;
  if new.customer_id is distinct from old.customer_id and old.status <> 'draft' then
    raise exception 'A sent quote cannot move to another customer' using errcode = 'P0001';
  end if;
  if old.status in ('sent', 'viewed') and (
       new.title, new.valid_until, new.deposit_percent, new.deposit_amount_cents, new.notes, new.terms
     ) is distinct from (
       old.title, old.valid_until, old.deposit_percent, old.deposit_amount_cents, old.notes, old.terms
     ) then
    new.version := old.version + 1;
  end if;
  return new;
end
$$;
create trigger quotes_a_guard before update on public.quotes
  for each row execute function private.quotes_guard();

create function private.quotes_guard_delete()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() and old.status <> 'draft' then
    raise exception 'Only draft quotes can be deleted; a % quote stays on record', old.status using errcode = 'P0001';
  end if;
  return old;
end
$$;
create trigger quotes_guard_delete before delete on public.quotes
  for each row execute function private.quotes_guard_delete();

-- Invoker rights on purpose: is_end_user() must see who is writing (the database's own functions
-- write as the owner, e.g. approve_quote choosing lines).
create function private.quote_line_items_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  q public.quotes;
begin
  select * into q from public.quotes x
  where x.id = case when tg_op = 'DELETE' then old.quote_id else new.quote_id end;
  if tg_op <> 'DELETE' then
    new.amount_cents := new.quantity * new.unit_price_cents;
    if new.service_id is not null and not exists (
      select 1 from public.services s where s.id = new.service_id and s.organization_id = q.organization_id
    ) then
      raise exception 'Service % not found', new.service_id using errcode = 'P0002';
    end if;
  end if;
  if private.is_end_user() then
    if q.status not in ('draft', 'sent', 'viewed') then
      raise exception 'This quote is %; its lines can no longer change', q.status
        using errcode = 'P0001', hint = 'Write a new quote instead.';
    end if;
    if tg_op = 'UPDATE' and new.quote_id <> old.quote_id then
      raise exception 'A line cannot move to another quote' using errcode = '42501';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger quote_line_items_guard before insert or update or delete on public.quote_line_items
  for each row execute function private.quote_line_items_guard();

-- Touching the quote recomputes its totals. A change to a sent quote's lines by a person is a new
-- version, once per transaction (updated_at is the transaction's now() after the first bump); the
-- customer choosing lines (only `selected` changes) is not.
create function private.quote_line_items_sync_quote()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_quote uuid := case when tg_op = 'DELETE' then old.quote_id else new.quote_id end;
  revision boolean := not private.is_trusted_caller()
    and not (tg_op = 'UPDATE' and (to_jsonb(new) - 'selected') = (to_jsonb(old) - 'selected'));
begin
  update public.quotes q
  set subtotal_cents = q.subtotal_cents,
      version = q.version + case when revision and q.status in ('sent', 'viewed') and q.updated_at < now() then 1 else 0 end
  where q.id = v_quote;
  return null;
end
$$;
create trigger quote_line_items_sync_quote after insert or update or delete on public.quote_line_items
  for each row execute function private.quote_line_items_sync_quote();

-- Access to one quote for an action: staff in p_roles, or (p_customer) the quote's own customer,
-- who sees only sent quotes. Locks the row.
create function private.lock_quote(p_quote_id uuid, p_customer boolean, p_roles public.staff_role[])
returns public.quotes
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes;
  role public.staff_role;
begin
  select * into q from public.quotes x where x.id = p_quote_id for update;
  if found then
    if private.is_trusted_caller() then
      return q;
    end if;
    if p_customer and q.status <> 'draft' and q.customer_id = (select public.my_customer_id()) then
      return q;
    end if;
    role := public.staff_role_in(q.organization_id);
    if role = any (p_roles) then
      return q;
    end if;
    if role is not null then
      raise exception 'Your role (%) may not do this', role using errcode = '42501';
    end if;
  end if;
  raise exception 'Quote % not found', p_quote_id using errcode = 'P0002';
end
$$;

-- True when the quote is past its valid-until day in the business's time zone.
create function private.quote_is_past_due(q public.quotes)
returns boolean
language sql
stable
set search_path = ''
as $$
  select q.valid_until is not null and q.valid_until < (
    select (now() at time zone o.timezone)::date from public.organizations o where o.id = q.organization_id
  )
$$;

-- The customer opened the quote: staff see "viewed" live.
create function public.mark_quote_viewed(p_quote_id uuid)
returns public.quotes
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes := private.lock_quote(p_quote_id, true, array[]::public.staff_role[]);
begin
  if q.status = 'sent' and q.customer_id = (select public.my_customer_id()) then
    update public.quotes x set status = 'viewed', viewed_at = now() where x.id = q.id returning * into q;
  end if;
  return q;
end
$$;

-- The customer approves the version they read, with their choices and signature.
create function public.approve_quote(
  p_quote_id uuid,
  p_version integer,
  p_selected_line_ids uuid[],
  p_signer_name text,
  p_signature_png text
)
returns public.quotes
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes := private.lock_quote(p_quote_id, true, array[]::public.staff_role[]);
  bad text;
begin
  if q.status not in ('sent', 'viewed') then
    raise exception 'This quote is % and can no longer be approved', q.status using errcode = 'P0001';
  end if;
  if private.quote_is_past_due(q) then
    raise exception 'This quote expired on %', q.valid_until
      using errcode = 'P0001', hint = 'Ask the business for a new quote.';
  end if;
  if p_version is distinct from q.version then
    raise exception 'This quote changed while you were reading it'
      using errcode = 'P0001', hint = 'Review the new version, then approve it.';
  end if;
  if p_signer_name is null or length(btrim(p_signer_name)) < 2 then
    raise exception 'Type your full name to sign' using errcode = '22023';
  end if;
  if length(p_signer_name) > 200 then
    raise exception 'The name is too long (at most 200 characters)' using errcode = '22023';
  end if;
  if p_signature_png is null or p_signature_png not like 'data:image/png;base64,%' or length(p_signature_png) < 100 then
    raise exception 'Draw your signature' using errcode = '22023';
  end if;
  if length(p_signature_png) > 300000 then
    raise exception 'The signature image is too large' using errcode = '22023';
  end if;
  p_selected_line_ids := coalesce(p_selected_line_ids, array[]::uuid[]);
  if exists (select 1 from unnest(p_selected_line_ids) s(id)
             where not exists (select 1 from public.quote_line_items li where li.id = s.id and li.quote_id = q.id)) then
    raise exception 'A chosen line is not part of this quote' using errcode = '22023';
  end if;
  select li.option_group into bad from public.quote_line_items li
  where li.quote_id = q.id and li.option_group is not null
  group by li.option_group
  having count(*) filter (where li.id = any (p_selected_line_ids)) <> 1
  limit 1;
  if bad is not null then
    raise exception 'Choose exactly one option for "%"', bad using errcode = '22023';
  end if;
  update public.quote_line_items li
  set selected = (not li.optional and li.option_group is null) or li.id = any (p_selected_line_ids)
  where li.quote_id = q.id;
  update public.quotes x set status = 'approved', approved_at = now() where x.id = q.id returning * into q;
  insert into public.quote_signatures (organization_id, customer_id, quote_id, version, signer_name, signature_png, signed_by, snapshot)
  values (q.organization_id, q.customer_id, q.id, q.version, btrim(p_signer_name), p_signature_png, (select auth.uid()),
    jsonb_build_object(
      'number', q.number, 'title', q.title, 'version', q.version,
      'subtotal_cents', q.subtotal_cents, 'tax_cents', q.tax_cents, 'total_cents', q.total_cents,
      'deposit_cents', q.deposit_cents, 'notes', q.notes, 'terms', q.terms, 'valid_until', q.valid_until,
      'lines', (select jsonb_agg(jsonb_build_object(
          'id', li.id, 'description', li.description, 'quantity', li.quantity,
          'unit_price_cents', li.unit_price_cents, 'amount_cents', li.amount_cents,
          'taxable', li.taxable, 'tax_rate_bps', li.tax_rate_bps, 'option_group', li.option_group,
          'optional', li.optional, 'selected', li.selected) order by li.position, li.created_at)
        from public.quote_line_items li where li.quote_id = q.id)));
  return q;
end
$$;

create function public.decline_quote(p_quote_id uuid, p_reason text)
returns public.quotes
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes := private.lock_quote(p_quote_id, true, array[]::public.staff_role[]);
begin
  if q.status not in ('sent', 'viewed') then
    raise exception 'This quote is % and can no longer be declined', q.status using errcode = 'P0001';
  end if;
  if p_reason is null or length(btrim(p_reason)) = 0 then
    raise exception 'Tell the business why you are declining' using errcode = '22023';
  end if;
  if length(p_reason) > 2000 then
    raise exception 'The reason is too long (at most 2000 characters)' using errcode = '22023';
  end if;
  update public.quotes x set status = 'declined', declined_at = now(), decline_reason = btrim(p_reason)
  where x.id = q.id returning * into q;
  return q;
end
$$;

-- An approved quote becomes a job waiting to be scheduled (tomorrow 9:00 in the business's time
-- zone as a placeholder, the length of its catalog services).
create function public.convert_quote_to_job(p_quote_id uuid)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes := private.lock_quote(p_quote_id, false, array['owner', 'admin', 'office']::public.staff_role[]);
  zone text;
  minutes integer;
  starts timestamptz;
  result public.jobs;
begin
  if q.status <> 'approved' then
    raise exception 'Only an approved quote becomes a job (this one is %)', q.status using errcode = 'P0001';
  end if;
  if q.job_id is not null then
    raise exception 'This quote already has a job' using errcode = '23505';
  end if;
  select o.timezone into zone from public.organizations o where o.id = q.organization_id;
  select coalesce(sum(s.duration_minutes * li.quantity), 60) into minutes
  from public.quote_line_items li join public.services s on s.id = li.service_id
  where li.quote_id = q.id and li.selected;
  starts := ((now() at time zone zone)::date + 1 + time '09:00') at time zone zone;
  insert into public.jobs (organization_id, customer_id, service_id, title, status, scheduled_start, scheduled_end, price_cents, notes)
  values (q.organization_id, q.customer_id,
    (select li.service_id from public.quote_line_items li where li.quote_id = q.id and li.selected and li.service_id is not null
     order by li.position limit 1),
    q.title, 'requested', starts, starts + make_interval(mins => least(greatest(minutes, 15), 1440)), q.subtotal_cents,
    format('From quote %s', q.number))
  returning * into result;
  update public.quotes x set job_id = result.id where x.id = q.id;
  return result;
end
$$;

-- Staff rewrite an open quote (fields and lines) in one transaction: one new version when it was
-- already sent. Lines are jsonb objects with the quote_line_items columns staff write.
create function public.revise_quote(p_quote_id uuid, p_quote jsonb, p_lines jsonb)
returns public.quotes
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes := private.lock_quote(p_quote_id, false, array['owner', 'admin', 'office']::public.staff_role[]);
begin
  if q.status not in ('draft', 'sent', 'viewed') then
    raise exception 'This quote is %; it can no longer change', q.status
      using errcode = 'P0001', hint = 'Write a new quote instead.';
  end if;
  if jsonb_typeof(p_lines) is distinct from 'array' or jsonb_array_length(p_lines) = 0 then
    raise exception 'A quote needs at least one line' using errcode = '22023';
  end if;
  if jsonb_array_length(p_lines) > 200 then
    raise exception 'A quote has at most 200 lines' using errcode = '22023';
  end if;
  -- Lines first: the first change of the transaction is the one new version.
  delete from public.quote_line_items li where li.quote_id = q.id;
  insert into public.quote_line_items
    (quote_id, service_id, description, quantity, unit_price_cents, taxable, tax_rate_bps, option_group, optional, selected, position)
  select q.id, l.service_id, l.description, coalesce(l.quantity, 1), l.unit_price_cents, coalesce(l.taxable, false),
         coalesce(l.tax_rate_bps, 0), l.option_group, coalesce(l.optional, false), coalesce(l.selected, true),
         coalesce(l.position, 0)
  from jsonb_to_recordset(p_lines) as l(
    service_id uuid, description text, quantity integer, unit_price_cents integer, taxable boolean,
    tax_rate_bps integer, option_group text, optional boolean, selected boolean, position integer);
  update public.quotes x set
    title = coalesce(btrim(p_quote ->> 'title'), x.title),
    valid_until = (p_quote ->> 'valid_until')::date,
    deposit_percent = (p_quote ->> 'deposit_percent')::integer,
    deposit_amount_cents = (p_quote ->> 'deposit_amount_cents')::integer,
    notes = p_quote ->> 'notes',
    terms = p_quote ->> 'terms',
    version = x.version + case when x.status in ('sent', 'viewed') and x.version = q.version then 1 else 0 end
  where x.id = q.id
  returning * into q;
  return q;
end
$$;
revoke all on function public.revise_quote(uuid, jsonb, jsonb) from public, anon;
grant execute on function public.revise_quote(uuid, jsonb, jsonb) to authenticated, service_role;

revoke all on function private.quote_line_totals(uuid), private.quotes_prepare(), private.quotes_guard(),
  private.quotes_guard_delete(), private.quote_line_items_guard(), private.quote_line_items_sync_quote(),
  private.lock_quote(uuid, boolean, public.staff_role[]), private.quote_is_past_due(public.quotes) from public, anon;
grant execute on function private.quote_line_totals(uuid), private.quote_is_past_due(public.quotes) to authenticated, service_role;
-- Definer helpers are reached only from other definer functions.
revoke execute on function private.quotes_prepare(), private.quote_line_items_guard(), private.quote_line_items_sync_quote(),
  private.lock_quote(uuid, boolean, public.staff_role[]) from authenticated, service_role;
revoke all on function public.mark_quote_viewed(uuid), public.approve_quote(uuid, integer, uuid[], text, text),
  public.decline_quote(uuid, text), public.convert_quote_to_job(uuid) from public, anon;
grant execute on function public.mark_quote_viewed(uuid), public.approve_quote(uuid, integer, uuid[], text, text),
  public.decline_quote(uuid, text), public.convert_quote_to_job(uuid) to authenticated, service_role;

-- RLS: staff by role; customers read their own quotes once sent (never drafts).
alter table public.quotes enable row level security;
alter table public.quote_line_items enable row level security;
alter table public.quote_signatures enable row level security;

create policy "staff read quotes" on public.quotes for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their sent quotes" on public.quotes for select to authenticated
  using (customer_id = (select public.my_customer_id()) and status <> 'draft');
create policy "office staff add quotes" on public.quotes for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))
              and status = 'draft');
create policy "office staff update quotes" on public.quotes for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff delete quotes" on public.quotes for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

create policy "quote lines follow their quote" on public.quote_line_items for select to authenticated
  using (quote_id in (select q.id from public.quotes q));
create policy "office staff add quote lines" on public.quote_line_items for insert to authenticated
  with check (quote_id in (select q.id from public.quotes q where q.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))));
create policy "office staff update quote lines" on public.quote_line_items for update to authenticated
  using (quote_id in (select q.id from public.quotes q where q.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))))
  with check (quote_id in (select q.id from public.quotes q where q.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))));
create policy "office staff delete quote lines" on public.quote_line_items for delete to authenticated
  using (quote_id in (select q.id from public.quotes q where q.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))));

create policy "staff read signatures" on public.quote_signatures for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own signatures" on public.quote_signatures for select to authenticated
  using (customer_id = (select public.my_customer_id()));
-- Signatures are written only by approve_quote() and never change.
revoke insert, update, delete on public.quote_signatures from anon, authenticated;

-- Live: customers and staff watch quotes change.
alter table public.quotes replica identity full;
alter publication supabase_realtime add table public.quotes;
create trigger record_change after insert or update or delete on public.quotes
  for each row execute function private.record_change();
create trigger record_change after insert or update or delete on public.quote_line_items
  for each row execute function private.record_change();

-- Quotes expire after their valid-until day (with the overdue job's schedule).
create function public.expire_quotes()
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  n integer;
begin
  update public.quotes q set status = 'expired'
  where q.status in ('sent', 'viewed') and private.quote_is_past_due(q);
  get diagnostics n = row_count;
  return n;
end
$$;
revoke all on function public.expire_quotes() from public, anon;
grant execute on function public.expire_quotes() to authenticated, service_role;
select cron.schedule('expire-quotes', '*/5 * * * *', 'select public.expire_quotes()');
