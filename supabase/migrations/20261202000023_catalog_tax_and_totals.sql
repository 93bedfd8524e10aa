-- The catalog and tax: services carry a unit and whether they are taxable; each business keeps
-- its tax rates; invoice lines carry the rate they were written with; and the database computes
-- every total in integer cents.
--
-- Rounding rule (one, documented in docs/MONEY.md): tax is computed per rate over the invoice,
-- round half up to the cent: tax = Σ over rates of round(Σ taxable line amounts at that rate ×
-- rate_bps / 10000). Credits (rewards redeemed as money off) are applied after tax, like a gift
-- certificate, and never take a total below zero.

alter table public.services
  add column unit text not null default 'each' check (length(btrim(unit)) between 1 and 40),
  add column taxable boolean not null default true;

create table public.tax_rates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 100),
  -- Basis points: 825 is 8.25 %.
  rate_bps integer not null check (rate_bps between 0 and 10000),
  is_default boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, name),
  constraint tax_rates_default_is_active check (not is_default or active)
);
create unique index tax_rates_one_default on public.tax_rates (organization_id) where is_default;
create trigger set_updated_at before update on public.tax_rates
  for each row execute function private.set_updated_at();

-- Making a rate the default takes the flag from the previous one.
create function private.tax_rates_single_default()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.is_default and (tg_op = 'INSERT' or not old.is_default) then
    update public.tax_rates t set is_default = false
    where t.organization_id = new.organization_id and t.is_default and t.id <> new.id;
  end if;
  return new;
end
$$;
create trigger tax_rates_single_default before insert or update of is_default on public.tax_rates
  for each row execute function private.tax_rates_single_default();

alter table public.tax_rates enable row level security;
create policy "staff read tax rates" on public.tax_rates for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "owners and admins add tax rates" on public.tax_rates for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins update tax rates" on public.tax_rates for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins delete tax rates" on public.tax_rates for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));

-- Money off a future invoice, from a redeemed reward (see loyalty_rewards.credit_cents).
alter table public.loyalty_rewards
  add column credit_cents integer check (credit_cents between 1 and 100000000);

create table public.customer_credits (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  amount_cents integer not null check (amount_cents between 1 and 100000000),
  description text not null check (length(btrim(description)) between 1 and 500),
  loyalty_transaction_id uuid unique references public.loyalty_transactions (id) on delete cascade,
  -- The invoice it is applied to; null while it waits for the customer's next invoice.
  invoice_id uuid,
  applied_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, invoice_id) references public.invoices (organization_id, id) on delete set null (invoice_id)
);
create index customer_credits_open on public.customer_credits (customer_id) where invoice_id is null;
create trigger set_updated_at before update on public.customer_credits
  for each row execute function private.set_updated_at();
alter table public.customer_credits enable row level security;
create policy "staff read credits" on public.customer_credits for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own credits" on public.customer_credits for select to authenticated
  using (customer_id = (select public.my_customer_id()));
-- Written only by the database (redemption and invoice triggers).
revoke insert, update, delete on public.customer_credits from anon, authenticated;

-- Invoice lines: from the catalog or free text, taxable at the rate they were written with, or a
-- credit (negative, one per credit).
alter table public.invoice_line_items
  add column service_id uuid references public.services (id) on delete set null,
  add column taxable boolean not null default false,
  add column tax_rate_bps integer not null default 0 check (tax_rate_bps between 0 and 10000),
  add column credit_id uuid unique references public.customer_credits (id) on delete set null,
  drop constraint invoice_line_items_unit_price_cents_check,
  drop constraint invoice_line_items_amount_cents_check,
  add constraint invoice_line_items_price_sign check (unit_price_cents >= 0 or credit_id is not null),
  add constraint invoice_line_items_price_limit check (abs(unit_price_cents) <= 100000000),
  add constraint invoice_line_items_quantity_limit check (quantity <= 100000),
  add constraint invoice_line_items_credit_untaxed check (credit_id is null or not taxable);

alter table public.invoices
  add column discount_cents integer not null default 0 check (discount_cents >= 0),
  -- Succeeded payments less refunds, tips excluded; balance = total - paid (negative: overpaid).
  add column amount_paid_cents integer not null default 0,
  add column tip_cents integer not null default 0 check (tip_cents >= 0),
  add column balance_cents integer not null default 0,
  drop constraint invoices_total_is_sum;

-- The one tax rule (see the header).
create function private.tax_on(p_amounts_by_rate jsonb)
returns integer
language sql
immutable
set search_path = ''
as $$
  select coalesce(sum(round((e.value::numeric) * (e.key::numeric) / 10000)), 0)::integer
  from jsonb_each_text(p_amounts_by_rate) e
$$;

-- Subtotal, tax and credits of an invoice's lines.
create function private.invoice_line_totals(
  p_invoice_id uuid, out subtotal integer, out tax integer, out credits integer
)
language sql
stable
set search_path = ''
as $$
  select
    coalesce((select sum(li.amount_cents) from public.invoice_line_items li
              where li.invoice_id = p_invoice_id and li.credit_id is null), 0)::integer,
    private.tax_on(coalesce((
      select jsonb_object_agg(r.rate, r.amount)
      from (select li.tax_rate_bps::text as rate, sum(li.amount_cents) as amount
            from public.invoice_line_items li
            where li.invoice_id = p_invoice_id and li.taxable and li.credit_id is null
            group by li.tax_rate_bps) r), '{}')),
    coalesce((select -sum(li.amount_cents) from public.invoice_line_items li
              where li.invoice_id = p_invoice_id and li.credit_id is not null), 0)::integer
$$;

-- invoices_prepare() computes these totals from the payments migration (…25) on, where the
-- payments it sums exist; the existing invoices are brought in line there too.

-- Catalog lines must come from the invoice's own business; credits are the database's to add.
-- Invoker rights on purpose: is_end_user() must see who is writing (the credit trigger writes
-- as the owner).
create or replace function private.invoice_line_items_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  inv public.invoices;
begin
  select * into inv from public.invoices i
  where i.id = case when tg_op = 'DELETE' then old.invoice_id else new.invoice_id end;
  if private.is_end_user() then
    if inv.status in ('paid', 'void') then
      raise exception 'This invoice is %; its line items can no longer change', inv.status
        using errcode = 'P0001', hint = 'Issue a new invoice or a credit instead.';
    end if;
    if inv.amount_paid_cents <> 0 then
      raise exception 'This invoice has payments; its line items can no longer change'
        using errcode = 'P0001', hint = 'Refund the payments first, or issue a new invoice.';
    end if;
    if tg_op = 'UPDATE' and new.invoice_id <> old.invoice_id then
      raise exception 'A line item cannot move to another invoice' using errcode = '42501';
    end if;
    if tg_op <> 'DELETE' and new.credit_id is distinct from (case when tg_op = 'UPDATE' then old.credit_id end) then
      raise exception 'Credits are applied by the database' using errcode = '42501';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if new.service_id is not null and not exists (
    select 1 from public.services s where s.id = new.service_id and s.organization_id = inv.organization_id
  ) then
    raise exception 'Service % not found', new.service_id using errcode = 'P0002';
  end if;
  return new;
end
$$;

-- A credit waits for the customer's next invoice: a new invoice takes every open credit as a
-- discount line (staff may remove it while the invoice is a draft, which frees the credit).
create function private.invoices_apply_credits()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  credit public.customer_credits;
begin
  for credit in
    select * from public.customer_credits c
    where c.customer_id = new.customer_id and c.invoice_id is null
    order by c.created_at, c.id
    for update
  loop
    update public.customer_credits c set invoice_id = new.id, applied_at = now() where c.id = credit.id;
    insert into public.invoice_line_items (invoice_id, description, quantity, unit_price_cents, position, credit_id)
    values (new.id, credit.description, 1, -credit.amount_cents, 100000, credit.id);
  end loop;
  return null;
end
$$;
create trigger invoices_apply_credits after insert on public.invoices
  for each row when (new.status = 'draft') execute function private.invoices_apply_credits();

-- Removing a credit line, or voiding its invoice, gives the credit back.
create function private.invoice_line_items_release_credit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.customer_credits c set invoice_id = null, applied_at = null
  where c.id = old.credit_id and c.invoice_id = old.invoice_id;
  return null;
end
$$;
create trigger invoice_line_items_release_credit after delete on public.invoice_line_items
  for each row when (old.credit_id is not null) execute function private.invoice_line_items_release_credit();

create function private.invoices_release_credits()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.customer_credits c set invoice_id = null, applied_at = null where c.invoice_id = new.id;
  return null;
end
$$;
create trigger invoices_release_credits after update of status on public.invoices
  for each row when (new.status = 'void' and old.status <> 'void') execute function private.invoices_release_credits();

-- A redeemed reward worth money becomes a credit.
create function private.loyalty_transactions_make_credit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  reward public.loyalty_rewards;
begin
  select * into reward from public.loyalty_rewards r where r.id = new.reward_id;
  if reward.credit_cents is not null then
    insert into public.customer_credits (organization_id, customer_id, amount_cents, description, loyalty_transaction_id)
    values (new.organization_id, new.customer_id, reward.credit_cents, format('Reward: %s', reward.name), new.id);
  end if;
  return null;
end
$$;
create trigger loyalty_transactions_make_credit after insert on public.loyalty_transactions
  for each row when (new.kind = 'redeemed' and new.reward_id is not null)
  execute function private.loyalty_transactions_make_credit();

-- Change feed and audit for the new tables.
create trigger record_change after insert or update or delete on public.tax_rates
  for each row execute function private.record_change();
create trigger record_change after insert or update or delete on public.customer_credits
  for each row execute function private.record_change();
alter table public.customer_credits replica identity full;
alter publication supabase_realtime add table public.customer_credits;

revoke all on function private.tax_rates_single_default(), private.tax_on(jsonb),
  private.invoice_line_totals(uuid), private.invoices_apply_credits(),
  private.invoice_line_items_release_credit(), private.invoices_release_credits(),
  private.loyalty_transactions_make_credit() from public, anon;
grant execute on function private.tax_rates_single_default(), private.tax_on(jsonb),
  private.invoice_line_totals(uuid) to authenticated, service_role;
revoke execute on function private.invoices_apply_credits(), private.invoice_line_items_release_credit(),
  private.invoices_release_credits(), private.loyalty_transactions_make_credit() from authenticated, service_role;
