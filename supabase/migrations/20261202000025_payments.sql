-- Payments are rows, not a status: an invoice's amount paid, balance and status follow from its
-- payments; a quote's deposit is a payment that later counts toward the invoice made from it.
-- Staff record offline payments and refunds; customers pay online through the payment provider,
-- whose signed webhook settles the payment exactly once (payment_events is keyed on its id).

create type public.payment_method as enum ('card', 'cash', 'check', 'bank_transfer', 'other');
create type public.payment_status as enum ('pending', 'succeeded', 'failed', 'refunded');

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  invoice_id uuid,
  quote_id uuid,
  -- Toward the balance (or the deposit); a tip comes on top and is kept apart.
  amount_cents integer not null check (amount_cents between 1 and 100000000),
  tip_cents integer not null default 0 check (tip_cents between 0 and 100000000),
  method public.payment_method not null,
  status public.payment_status not null default 'pending',
  -- Online payments: which provider ('stripe' or 'local'), its reference and checkout page.
  provider text check (provider ~ '^[a-z]{1,20}$'),
  provider_reference text check (length(provider_reference) <= 200),
  checkout_url text check (length(checkout_url) <= 2000),
  failure_message text check (length(failure_message) <= 500),
  note text check (length(note) <= 1000),
  received_at timestamptz,
  recorded_by uuid default auth.uid() references auth.users (id) on delete set null,
  refunded_at timestamptz,
  refund_reason text check (length(refund_reason) <= 1000),
  refunded_by uuid references auth.users (id) on delete set null,
  provider_refund_reference text check (length(provider_refund_reference) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_for_something check (invoice_id is not null or quote_id is not null),
  constraint payments_received_when_settled check (status not in ('succeeded', 'refunded') or received_at is not null),
  unique (organization_id, id),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, invoice_id) references public.invoices (organization_id, id),
  foreign key (organization_id, quote_id) references public.quotes (organization_id, id)
);
create index payments_invoice on public.payments (invoice_id) where invoice_id is not null;
create index payments_quote on public.payments (quote_id) where quote_id is not null;
create index payments_customer on public.payments (customer_id, created_at desc);
create trigger set_updated_at before update on public.payments
  for each row execute function private.set_updated_at();

-- Webhook events already processed (the provider may deliver one more than once).
create table public.payment_events (
  event_id text primary key check (length(event_id) between 1 and 200),
  provider text not null,
  event_type text not null,
  payment_id uuid references public.payments (id) on delete set null,
  outcome text not null,
  received_at timestamptz not null default now()
);

alter table public.payments enable row level security;
alter table public.payment_events enable row level security;
create policy "staff read payments" on public.payments for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own payments" on public.payments for select to authenticated
  using (customer_id = (select public.my_customer_id()));
-- Staff may see what the provider reported about their payments.
create policy "staff read their payments' events" on public.payment_events for select to authenticated
  using (payment_id in (select p.id from public.payments p
                        where p.organization_id = any (array(select public.my_staff_organization_ids()))));
-- Payments and events are written only through the functions below.
revoke insert, update, delete on public.payments from anon, authenticated;
revoke all on public.payment_events from anon, authenticated;
grant select on public.payment_events to authenticated;

-- Totals and status from lines and payments (refunded payments no longer count). Staff no longer
-- type the tax: it follows from the lines.
create or replace function private.invoices_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  lines record;
  paid record;
begin
  if tg_op = 'INSERT' and btrim(coalesce(new.number, '')) = '' then
    loop
      update public.organizations o set next_invoice_number = o.next_invoice_number + 1
      where o.id = new.organization_id
      returning 'INV-' || (o.next_invoice_number - 1) into new.number;
      exit when new.number is null or not exists (
        select 1 from public.invoices i where i.organization_id = new.organization_id and i.number = new.number
      );
    end loop;
  end if;
  if tg_op = 'INSERT' then
    new.subtotal_cents := 0;
    new.tax_cents := 0;
    new.discount_cents := 0;
    new.amount_paid_cents := 0;
    new.tip_cents := 0;
  else
    select * into lines from private.invoice_line_totals(new.id);
    new.subtotal_cents := lines.subtotal;
    new.tax_cents := lines.tax;
    new.discount_cents := least(lines.credits, lines.subtotal + lines.tax);
    select coalesce(sum(p.amount_cents), 0)::integer as amount, coalesce(sum(p.tip_cents), 0)::integer as tip
    into paid from public.payments p where p.invoice_id = new.id and p.status = 'succeeded';
    new.amount_paid_cents := paid.amount;
    new.tip_cents := paid.tip;
  end if;
  new.total_cents := new.subtotal_cents + new.tax_cents - new.discount_cents;
  new.balance_cents := new.total_cents - new.amount_paid_cents;
  if tg_op = 'UPDATE' and new.status is not distinct from old.status then
    -- Payments move the status: paid in full, or open again after a refund.
    if new.status in ('sent', 'overdue') and new.amount_paid_cents > 0 and new.balance_cents <= 0 then
      new.status := 'paid';
    elsif new.status = 'paid' and new.balance_cents > 0 and old.amount_paid_cents > new.amount_paid_cents then
      new.status := case when new.due_at < now() then 'overdue' else 'sent' end::public.invoice_status;
      new.paid_at := null;
    end if;
  elsif tg_op = 'UPDATE' and new.status = 'paid' and not private.is_trusted_caller() and new.balance_cents > 0 then
    raise exception 'Record a payment to mark this invoice paid (% is still due)', new.balance_cents
      using errcode = 'P0001', hint = 'Use "Record payment" for cash, checks and other offline payments.';
  end if;
  if tg_op = 'UPDATE' and new.status = 'void' and old.status <> 'void' and new.amount_paid_cents > 0 then
    raise exception 'This invoice has payments; refund them before voiding it' using errcode = 'P0001';
  end if;
  if new.status in ('sent', 'paid', 'overdue') and new.issued_at is null then
    new.issued_at := now();
  end if;
  if new.status = 'paid' and new.paid_at is null then
    new.paid_at := now();
  end if;
  return new;
end
$$;

-- Payments touch their invoice (totals, status) and their quote (deposit paid).
create function private.payments_sync()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.invoice_id is distinct from new.invoice_id and old.invoice_id is not null then
    update public.invoices i set subtotal_cents = i.subtotal_cents where i.id = old.invoice_id;
  end if;
  if new.invoice_id is not null then
    update public.invoices i set subtotal_cents = i.subtotal_cents where i.id = new.invoice_id;
  end if;
  if new.quote_id is not null then
    update public.quotes q set deposit_paid_cents = (
      select coalesce(sum(p.amount_cents), 0) from public.payments p where p.quote_id = q.id and p.status = 'succeeded'
    ) where q.id = new.quote_id;
  end if;
  return null;
end
$$;
create trigger payments_sync after insert or update on public.payments
  for each row execute function private.payments_sync();

-- Invoices written before the money migrations keep their totals: their typed tax becomes a rate on their
-- lines (the same total within a cent of rounding), and each is recomputed, which also gives it a
-- balance. Then the totals rule holds for every row.
update public.invoice_line_items li
set taxable = true,
    tax_rate_bps = least(10000, round(i.tax_cents * 10000.0 / i.subtotal_cents))::integer
from public.invoices i
where li.invoice_id = i.id and i.tax_cents > 0 and i.subtotal_cents > 0;
update public.invoices i set subtotal_cents = i.subtotal_cents;

-- Invoices marked paid before payments were rows get the payment that paid them, so their
-- balance is zero and their status stays what it was.
insert into public.payments (organization_id, customer_id, invoice_id, amount_cents, method, status, received_at, note, recorded_by)
select i.organization_id, i.customer_id, i.id, i.total_cents, 'other', 'succeeded', coalesce(i.paid_at, i.updated_at),
       'Paid before payments were recorded one by one', null
from public.invoices i
where i.status = 'paid' and i.total_cents > 0
  and not exists (select 1 from public.payments p where p.invoice_id = i.id);

alter table public.invoices add constraint invoices_totals_add_up check (
  total_cents = subtotal_cents + tax_cents - discount_cents
  and balance_cents = total_cents - amount_paid_cents
);

-- Who may act on an invoice's money: staff in p_roles, or its own customer when it is open to them.
create function private.lock_invoice(p_invoice_id uuid, p_customer boolean, p_roles public.staff_role[])
returns public.invoices
language plpgsql
security definer
set search_path = ''
as $$
declare
  inv public.invoices;
  role public.staff_role;
begin
  select * into inv from public.invoices i where i.id = p_invoice_id for update;
  if found then
    if private.is_trusted_caller() then
      return inv;
    end if;
    if p_customer and inv.status <> 'draft' and inv.customer_id = (select public.my_customer_id()) then
      return inv;
    end if;
    role := public.staff_role_in(inv.organization_id);
    if role = any (p_roles) then
      return inv;
    end if;
    if role is not null then
      raise exception 'Your role (%) may not do this', role using errcode = '42501';
    end if;
  end if;
  raise exception 'Invoice % not found', p_invoice_id using errcode = 'P0002';
end
$$;

create function private.assert_payable(inv public.invoices, p_amount_cents integer, p_tip_cents integer)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if inv.status = 'draft' then
    raise exception 'Invoice % has not been sent yet', inv.number using errcode = 'P0001';
  end if;
  if inv.status = 'void' then
    raise exception 'Invoice % is void and cannot be paid', inv.number using errcode = 'P0001';
  end if;
  if inv.balance_cents <= 0 then
    raise exception 'Invoice % is already paid', inv.number using errcode = 'P0001';
  end if;
  if p_amount_cents is null or p_amount_cents <= 0 then
    raise exception 'The amount must be more than zero' using errcode = '22023';
  end if;
  if p_amount_cents > inv.balance_cents then
    raise exception 'The amount is more than the balance due'
      using errcode = '22023', detail = format('Balance due: %s cents', inv.balance_cents),
            hint = 'Add anything above the balance as a tip.';
  end if;
  if coalesce(p_tip_cents, 0) < 0 or coalesce(p_tip_cents, 0) > 100000000 then
    raise exception 'The tip must be zero or more' using errcode = '22023';
  end if;
end
$$;

-- Staff record a payment taken outside the portal (cash, check, bank transfer, card terminal).
create function public.record_payment(
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
  insert into public.payments (organization_id, customer_id, invoice_id, amount_cents, tip_cents, method, status, note, received_at)
  values (inv.organization_id, inv.customer_id, inv.id, p_amount_cents, coalesce(p_tip_cents, 0), p_method, 'succeeded',
          nullif(btrim(p_note), ''), p_received_at)
  returning * into result;
  return result;
end
$$;

-- A refund gives back one payment in full (the provider's refund happens first, for card
-- payments taken online).
create function public.refund_payment(p_payment_id uuid, p_reason text, p_provider_refund_reference text default null)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  pay public.payments;
  role public.staff_role;
begin
  select * into pay from public.payments p where p.id = p_payment_id for update;
  if not found then
    raise exception 'Payment % not found', p_payment_id using errcode = 'P0002';
  end if;
  if not private.is_trusted_caller() then
    role := public.staff_role_in(pay.organization_id);
    if role is null then
      raise exception 'Payment % not found', p_payment_id using errcode = 'P0002';
    end if;
    if role not in ('owner', 'admin', 'office') then
      raise exception 'Your role (%) may not do this', role using errcode = '42501';
    end if;
  end if;
  if pay.status = 'refunded' then
    raise exception 'This payment was already refunded' using errcode = 'P0001';
  end if;
  if pay.status <> 'succeeded' then
    raise exception 'Only a received payment can be refunded (this one is %)', pay.status using errcode = 'P0001';
  end if;
  if p_reason is null or length(btrim(p_reason)) = 0 then
    raise exception 'Say why the payment is refunded' using errcode = '22023';
  end if;
  update public.payments p set status = 'refunded', refunded_at = now(), refunded_by = (select auth.uid()),
    refund_reason = left(btrim(p_reason), 1000), provider_refund_reference = p_provider_refund_reference
  where p.id = pay.id returning * into pay;
  return pay;
end
$$;

-- The customer (or staff for them) starts an online payment: of an invoice's balance (full or
-- part, plus a tip) or of a quote's deposit. p_payment_id is chosen by the client, so a second
-- submit of the same form returns the same payment instead of a second one.
create function public.start_online_payment(
  p_payment_id uuid,
  p_amount_cents integer,
  p_tip_cents integer default 0,
  p_invoice_id uuid default null,
  p_quote_id uuid default null
)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  inv public.invoices;
  q public.quotes;
  existing public.payments;
  result public.payments;
begin
  if p_payment_id is null then
    raise exception 'A payment id is required' using errcode = '22023';
  end if;
  if (p_invoice_id is null) = (p_quote_id is null) then
    raise exception 'Pay either an invoice or a quote deposit' using errcode = '22023';
  end if;
  if p_invoice_id is not null then
    inv := private.lock_invoice(p_invoice_id, true, array['owner', 'admin', 'office']::public.staff_role[]);
  else
    q := private.lock_quote(p_quote_id, true, array['owner', 'admin', 'office']::public.staff_role[]);
  end if;
  select * into existing from public.payments p where p.id = p_payment_id;
  if found then
    if existing.invoice_id is not distinct from p_invoice_id and existing.quote_id is not distinct from p_quote_id
       and existing.amount_cents = p_amount_cents and existing.tip_cents = coalesce(p_tip_cents, 0) then
      return existing;
    end if;
    raise exception 'This payment was already started with other details' using errcode = '23505';
  end if;
  if inv.id is not null then
    perform private.assert_payable(inv, p_amount_cents, p_tip_cents);
    insert into public.payments (id, organization_id, customer_id, invoice_id, amount_cents, tip_cents, method, status)
    values (p_payment_id, inv.organization_id, inv.customer_id, inv.id, p_amount_cents, coalesce(p_tip_cents, 0), 'card', 'pending')
    returning * into result;
  else
    if q.status <> 'approved' then
      raise exception 'Approve the quote before paying its deposit' using errcode = 'P0001';
    end if;
    if q.deposit_cents - q.deposit_paid_cents <= 0 then
      raise exception 'This quote has no deposit due' using errcode = 'P0001';
    end if;
    if p_amount_cents is distinct from q.deposit_cents - q.deposit_paid_cents or coalesce(p_tip_cents, 0) <> 0 then
      raise exception 'The deposit due is % cents', q.deposit_cents - q.deposit_paid_cents using errcode = '22023';
    end if;
    insert into public.payments (id, organization_id, customer_id, quote_id, invoice_id, amount_cents, method, status)
    values (p_payment_id, q.organization_id, q.customer_id, q.id, null, p_amount_cents, 'card', 'pending')
    returning * into result;
  end if;
  return result;
end
$$;

-- The server stores where the provider's checkout for a pending payment lives.
create function public.attach_payment_checkout(p_payment_id uuid, p_provider text, p_reference text, p_url text)
returns public.payments
language plpgsql
security definer
set search_path = ''
as $$
declare
  result public.payments;
begin
  if not private.is_trusted_caller() then
    raise exception 'Only the server attaches a checkout' using errcode = '42501';
  end if;
  update public.payments p set provider = p_provider, provider_reference = p_reference, checkout_url = p_url
  where p.id = p_payment_id and p.status in ('pending', 'failed')
  returning * into result;
  if not found then
    raise exception 'Payment % is not waiting for a checkout', p_payment_id using errcode = 'P0002';
  end if;
  return result;
end
$$;

-- A verified provider event settles a payment, once per event id. Returns what happened:
-- 'succeeded', 'failed', 'duplicate' (event seen before), 'ignored' (nothing to change).
create function public.settle_online_payment(
  p_event_id text,
  p_provider text,
  p_event_type text,
  p_payment_id uuid,
  p_succeeded boolean,
  p_reference text default null,
  p_amount_cents integer default null,
  p_failure_message text default null
)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  pay public.payments;
  v_outcome text;
begin
  if not private.is_trusted_caller() then
    raise exception 'Only the payment webhook settles payments' using errcode = '42501';
  end if;
  insert into public.payment_events (event_id, provider, event_type, payment_id, outcome)
  values (p_event_id, p_provider, p_event_type, null, 'processing')
  on conflict (event_id) do nothing;
  if not found then
    return 'duplicate';
  end if;
  select * into pay from public.payments p where p.id = p_payment_id for update;
  if not found then
    v_outcome := 'ignored';
  elsif p_succeeded then
    if pay.status = 'succeeded' or pay.status = 'refunded' then
      v_outcome := 'ignored';
    elsif p_amount_cents is distinct from pay.amount_cents + pay.tip_cents then
      update public.payments p set status = 'failed',
        failure_message = format('The amount charged (%s) did not match the payment (%s)', p_amount_cents, pay.amount_cents + pay.tip_cents)
      where p.id = pay.id;
      v_outcome := 'failed';
    else
      update public.payments p set status = 'succeeded', received_at = now(), failure_message = null,
        provider = coalesce(p.provider, p_provider), provider_reference = coalesce(p_reference, p.provider_reference)
      where p.id = pay.id;
      v_outcome := 'succeeded';
    end if;
  else
    if pay.status in ('pending', 'failed') then
      update public.payments p set status = 'failed', failure_message = left(coalesce(p_failure_message, 'The payment failed.'), 500)
      where p.id = pay.id;
      v_outcome := 'failed';
    else
      v_outcome := 'ignored';
    end if;
  end if;
  update public.payment_events e set outcome = v_outcome, payment_id = pay.id
  where e.event_id = p_event_id;
  return v_outcome;
end
$$;

-- An invoice made from a quote takes its selected lines, and its deposit counts as paid.
create function public.convert_quote_to_invoice(p_quote_id uuid)
returns public.invoices
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes := private.lock_quote(p_quote_id, false, array['owner', 'admin', 'office']::public.staff_role[]);
  inv public.invoices;
begin
  if q.status <> 'approved' then
    raise exception 'Only an approved quote becomes an invoice (this one is %)', q.status using errcode = 'P0001';
  end if;
  if q.invoice_id is not null then
    raise exception 'This quote already has an invoice' using errcode = '23505';
  end if;
  insert into public.invoices (organization_id, customer_id, job_id, status, notes)
  values (q.organization_id, q.customer_id, q.job_id, 'draft', q.notes)
  returning * into inv;
  insert into public.invoice_line_items (invoice_id, service_id, description, quantity, unit_price_cents, taxable, tax_rate_bps, position)
  select inv.id, li.service_id, li.description, li.quantity, li.unit_price_cents, li.taxable, li.tax_rate_bps, li.position
  from public.quote_line_items li where li.quote_id = q.id and li.selected;
  update public.payments p set invoice_id = inv.id where p.quote_id = q.id and p.invoice_id is null;
  update public.quotes x set invoice_id = inv.id where x.id = q.id;
  select * into inv from public.invoices i where i.id = inv.id;
  return inv;
end
$$;

revoke all on function private.payments_sync(), private.lock_invoice(uuid, boolean, public.staff_role[]),
  private.assert_payable(public.invoices, integer, integer) from public, anon;
revoke execute on function private.payments_sync() from authenticated, service_role;
revoke execute on function private.lock_invoice(uuid, boolean, public.staff_role[]) from authenticated, service_role;
grant execute on function private.assert_payable(public.invoices, integer, integer) to authenticated, service_role;
revoke all on function public.record_payment(uuid, integer, public.payment_method, timestamptz, text, integer),
  public.refund_payment(uuid, text, text), public.start_online_payment(uuid, integer, integer, uuid, uuid),
  public.attach_payment_checkout(uuid, text, text, text),
  public.settle_online_payment(text, text, text, uuid, boolean, text, integer, text),
  public.convert_quote_to_invoice(uuid) from public, anon;
grant execute on function public.record_payment(uuid, integer, public.payment_method, timestamptz, text, integer),
  public.refund_payment(uuid, text, text), public.start_online_payment(uuid, integer, integer, uuid, uuid),
  public.convert_quote_to_invoice(uuid) to authenticated, service_role;
grant execute on function public.attach_payment_checkout(uuid, text, text, text),
  public.settle_online_payment(text, text, text, uuid, boolean, text, integer, text) to service_role;

-- Points are earned once per job when it is both completed and paid: on payment in full of the
-- job's invoice, or at completion when its invoice was paid before. Per dollar of the invoice
-- after credits and before tax, plus the per-job bonus. A completed job without a paid invoice
-- earns nothing yet.
create function private.award_job_points(p_job_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  job public.jobs;
  org public.organizations;
  spent bigint;
  earned bigint;
begin
  select * into job from public.jobs j where j.id = p_job_id;
  if not found or job.status <> 'completed' then
    return;
  end if;
  select coalesce(sum(i.subtotal_cents - least(i.discount_cents, i.subtotal_cents)), 0) into spent
  from public.invoices i where i.job_id = job.id and i.status = 'paid';
  if not exists (select 1 from public.invoices i where i.job_id = job.id and i.status = 'paid') then
    return;
  end if;
  select * into org from public.organizations o where o.id = job.organization_id;
  earned := (spent * org.points_per_dollar) / 100 + org.points_per_job;
  if earned > 0 then
    insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description, job_id, created_by)
    values (job.organization_id, job.customer_id, least(earned, 2147483647)::integer, 'earned',
            format('Earned for %s', job.title), job.id, null)
    on conflict (job_id) where kind = 'earned' do nothing;
  end if;
end
$$;

create or replace function private.jobs_award_points()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.status = 'completed' and (tg_op = 'INSERT' or old.status <> 'completed') then
    perform private.award_job_points(new.id);
  end if;
  return null;
end
$$;

create function private.invoices_award_points()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.award_job_points(new.job_id);
  return null;
end
$$;
-- Not "update of status": payments change the status from inside invoices_prepare().
create trigger invoices_award_points after update on public.invoices
  for each row when (new.status = 'paid' and old.status <> 'paid' and new.job_id is not null)
  execute function private.invoices_award_points();

revoke all on function private.award_job_points(uuid), private.invoices_award_points() from public, anon;
revoke execute on function private.award_job_points(uuid), private.invoices_award_points() from authenticated, service_role;

-- Staff hear about approvals, declines and online payments in the bell.
alter type public.staff_notification_kind add value 'quote_approved';
alter type public.staff_notification_kind add value 'quote_declined';
alter type public.staff_notification_kind add value 'payment_received';
alter table public.staff_notifications drop constraint staff_notifications_record_table_check;
alter table public.staff_notifications add constraint staff_notifications_record_table_check
  check (record_table in ('jobs', 'messages', 'loyalty_transactions', 'customers', 'quotes', 'invoices'));

create function private.notify_staff_of_quote_answer()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  who text := private.customer_display_name(new.customer_id);
begin
  if new.status = 'approved' then
    perform private.notify_staff(new.organization_id, new.customer_id, 'quote_approved', 'quotes', new.id,
      format('%s approved quote %s', who, new.number), new.title);
  else
    perform private.notify_staff(new.organization_id, new.customer_id, 'quote_declined', 'quotes', new.id,
      format('%s declined quote %s', who, new.number), coalesce(new.decline_reason, new.title));
  end if;
  return null;
end
$$;
create trigger notify_staff_of_quote_answer after update of status on public.quotes
  for each row when (new.status in ('approved', 'declined') and old.status is distinct from new.status)
  execute function private.notify_staff_of_quote_answer();

-- Money for staff notices written by the database: "$194.85" in the business's currency (the apps
-- format everything else with Intl; this covers the currencies' usual symbols, else the code).
create function private.format_money(p_cents bigint, p_currency text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_currency when 'USD' then '$' when 'CAD' then 'CA$' when 'AUD' then 'A$' when 'EUR' then '€'
           when 'GBP' then '£' else p_currency || ' ' end
         || case when p_cents < 0 then '-' else '' end
         || to_char(abs(p_cents) / 100.0, 'FM999,999,999,990.00')
$$;

create function private.notify_staff_of_online_payment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  what text;
  currency text := (select o.currency from public.organizations o where o.id = new.organization_id);
begin
  if new.invoice_id is not null then
    select format('invoice %s', i.number) into what from public.invoices i where i.id = new.invoice_id;
  else
    select format('the deposit on quote %s', q.number) into what from public.quotes q where q.id = new.quote_id;
  end if;
  perform private.notify_staff(new.organization_id, new.customer_id, 'payment_received',
    case when new.invoice_id is not null then 'invoices' else 'quotes' end, coalesce(new.invoice_id, new.quote_id),
    format('%s paid %s online', private.customer_display_name(new.customer_id), what),
    private.format_money(new.amount_cents, currency)
      || case when new.tip_cents > 0 then format(' + %s tip', private.format_money(new.tip_cents, currency)) else '' end);
  return null;
end
$$;
create trigger notify_staff_of_online_payment after update of status on public.payments
  for each row when (new.status = 'succeeded' and old.status <> 'succeeded' and new.provider is not null)
  execute function private.notify_staff_of_online_payment();

revoke all on function private.notify_staff_of_quote_answer(), private.notify_staff_of_online_payment(),
  private.format_money(bigint, text) from public, anon;
revoke execute on function private.notify_staff_of_quote_answer(), private.notify_staff_of_online_payment()
  from authenticated, service_role;

-- Live: payments for both apps; the change feed learns the new tables and which of their rows
-- customers may read (mirroring their select policies).
alter table public.payments replica identity full;
alter publication supabase_realtime add table public.payments;
create trigger record_change after insert or update or delete on public.payments
  for each row execute function private.record_change();

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
  if tg_table_name in ('jobs', 'messages', 'loyalty_transactions', 'payments', 'customer_credits') then
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
