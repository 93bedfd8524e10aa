-- Triggers: updated_at, column limits for end users, status timestamps, points on completion,
-- invoice totals, the balance check on redemptions and the org-scoped change feed.
-- Trigger functions live in `private`, which the API does not expose.

create schema if not exists private;
revoke all on schema private from public, anon;
grant usage on schema private to authenticated, service_role;

-- True when a statement runs with end-user rights (not the owner, the service role, or a
-- security definer function acting on the user's behalf).
create function private.is_end_user()
returns boolean
language sql
stable
set search_path = ''
as $$
  select current_user in ('authenticated', 'anon')
$$;

-- True when the request did not come from an end user: the service role, or a direct owner
-- connection (migrations, seed, cron). Unlike current_user this is unchanged inside
-- security definer functions, so rpc functions can tell who called them.
create function private.is_trusted_caller()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('role', true), ''), 'none') not in ('authenticated', 'anon')
$$;

-- Raises unless only the listed columns differ between old and new.
create function private.assert_only_columns_changed(
  p_old jsonb, p_new jsonb, p_allowed text[], p_what text
)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  changed text[];
begin
  select array_agg(key order by key) into changed
  from jsonb_each(p_new) n
  where key <> all (p_allowed || array['updated_at'])
    and n.value is distinct from p_old -> key;
  if changed is not null then
    raise exception 'You may not change % of this %', array_to_string(changed, ', '), p_what
      using errcode = '42501',
            hint = format('Only %s may be changed.', array_to_string(p_allowed, ', '));
  end if;
end
$$;

create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger set_updated_at before update on public.organizations
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.staff_members
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.customers
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.jobs
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.invoices
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.messages
  for each row execute function private.set_updated_at();

-- organizations: the time zone must be one PostgreSQL knows.
create function private.organizations_validate()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.timezone) then
    raise exception 'Unknown time zone "%"', new.timezone
      using errcode = '22023', hint = 'Use an IANA name such as America/New_York.';
  end if;
  return new;
end
$$;
create trigger organizations_validate before insert or update of timezone on public.organizations
  for each row execute function private.organizations_validate();

-- staff_members: only an owner may create, change or remove an owner.
create function private.staff_members_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  org uuid := coalesce(new.organization_id, old.organization_id);
begin
  if private.is_end_user()
     and ((tg_op <> 'INSERT' and old.role = 'owner') or (tg_op <> 'DELETE' and new.role = 'owner'))
     and public.staff_role_in(org) is distinct from 'owner' then
    raise exception 'Only an owner may add, change or remove an owner' using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger staff_members_guard before insert or update or delete on public.staff_members
  for each row execute function private.staff_members_guard();

-- customers: a customer may change only their contact details and preferences; nobody
-- links a portal login except through provision_portal_user().
create function private.customers_guard()
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
            'region', 'postal_code', 'notification_preferences'],
      'customer record');
  end if;
  return new;
end
$$;
create trigger customers_guard before update on public.customers
  for each row execute function private.customers_guard();

create function private.customers_guard_insert()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() and new.portal_user_id is not null then
    raise exception 'The portal login is linked with provision_portal_user()' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger customers_guard_insert before insert on public.customers
  for each row execute function private.customers_guard_insert();

-- customer_notes: the author is the signed-in staff member.
create function private.customer_notes_set_author()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() then
    new.author_staff_id := public.my_staff_member_id(new.organization_id);
  end if;
  return new;
end
$$;
create trigger customer_notes_set_author before insert on public.customer_notes
  for each row execute function private.customer_notes_set_author();

-- jobs: technicians (who are not also office staff) may change only the status, and only to
-- the field states; triggers named jobs_a_* run before jobs_b_* (PostgreSQL fires by name).
create function private.jobs_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() and not public.can_manage_org(old.organization_id) then
    perform private.assert_only_columns_changed(to_jsonb(old), to_jsonb(new), array['status'], 'job');
    if new.status is distinct from old.status
       and new.status not in ('en_route', 'in_progress', 'completed') then
      raise exception 'A technician may set a job only to en_route, in_progress or completed'
        using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;
create trigger jobs_a_guard before update on public.jobs
  for each row execute function private.jobs_guard();

-- jobs: status timestamps, the customer's address as the default job address, and a staff
-- reschedule (new start time) settles a pending reschedule request.
create function private.jobs_prepare()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
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
create trigger jobs_b_prepare before insert or update on public.jobs
  for each row execute function private.jobs_prepare();

-- Points earned once when a job becomes completed: organizations.points_per_dollar per whole
-- dollar of the job's price.
create function private.jobs_award_points()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  rate integer;
  earned bigint;
begin
  if new.status <> 'completed' or (tg_op = 'UPDATE' and old.status = 'completed') then
    return null;
  end if;
  select o.points_per_dollar into rate from public.organizations o where o.id = new.organization_id;
  earned := (new.price_cents::bigint * rate) / 100;
  if earned > 0 then
    insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description, job_id, created_by)
    values (new.organization_id, new.customer_id, earned::integer, 'earned',
            format('Earned for %s', new.title), new.id, null)
    on conflict (job_id) where kind = 'earned' do nothing;
  end if;
  return null;
end
$$;
create trigger jobs_award_points after insert or update of status on public.jobs
  for each row execute function private.jobs_award_points();

-- invoices: number from the organization's counter when empty; subtotal = sum of line items;
-- total = subtotal + tax; issued/paid timestamps follow the status.
create function private.invoices_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and btrim(coalesce(new.number, '')) = '' then
    update public.organizations o set next_invoice_number = o.next_invoice_number + 1
    where o.id = new.organization_id
    returning 'INV-' || (o.next_invoice_number - 1) into new.number;
  end if;
  if tg_op = 'INSERT' then
    new.subtotal_cents := 0;
  else
    select coalesce(sum(li.amount_cents), 0) into new.subtotal_cents
    from public.invoice_line_items li where li.invoice_id = new.id;
  end if;
  new.total_cents := new.subtotal_cents + new.tax_cents;
  if new.status in ('sent', 'paid', 'overdue') and new.issued_at is null then
    new.issued_at := now();
  end if;
  if new.status = 'paid' and new.paid_at is null then
    new.paid_at := now();
  end if;
  return new;
end
$$;
create trigger invoices_prepare before insert or update on public.invoices
  for each row execute function private.invoices_prepare();

create function private.invoice_line_items_set_amount()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.amount_cents := new.quantity * new.unit_price_cents;
  return new;
end
$$;
create trigger invoice_line_items_set_amount before insert or update on public.invoice_line_items
  for each row execute function private.invoice_line_items_set_amount();

-- Touching the invoice makes invoices_prepare recompute its totals.
create function private.invoice_line_items_sync_invoice()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update public.invoices i set subtotal_cents = i.subtotal_cents where i.id = old.invoice_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.invoice_id <> old.invoice_id) then
    update public.invoices i set subtotal_cents = i.subtotal_cents where i.id = new.invoice_id;
  end if;
  return null;
end
$$;
create trigger invoice_line_items_sync_invoice after insert or update or delete on public.invoice_line_items
  for each row execute function private.invoice_line_items_sync_invoice();

-- messages: the sender is whoever is signed in; office staff write as staff, everyone else as
-- the customer of the thread (RLS then checks it is their own thread).
create function private.messages_set_sender()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() then
    new.sender_user_id := auth.uid();
    new.sender_type := case when public.can_manage_org(new.organization_id) then 'staff' else 'customer' end;
    new.read_at := null;
    new.deleted_at := null;
  end if;
  return new;
end
$$;
create trigger messages_set_sender before insert on public.messages
  for each row execute function private.messages_set_sender();

-- A customer may change only read_at (RLS limits it to staff messages of their thread).
create function private.messages_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() and not public.can_manage_org(old.organization_id) then
    perform private.assert_only_columns_changed(to_jsonb(old), to_jsonb(new), array['read_at'], 'message');
  end if;
  return new;
end
$$;
create trigger messages_guard before update on public.messages
  for each row execute function private.messages_guard();

-- loyalty: a debit takes a row lock on the customer, then checks the balance, so concurrent
-- redemptions queue up and never take the balance below zero. The author is the caller.
create function private.loyalty_transactions_check_balance()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  balance bigint;
begin
  if not private.is_trusted_caller() then
    new.created_by := auth.uid();
  end if;
  if new.points < 0 then
    perform 1 from public.customers c where c.id = new.customer_id for no key update;
    select coalesce(sum(t.points), 0) into balance
    from public.loyalty_transactions t where t.customer_id = new.customer_id;
    if balance + new.points < 0 then
      raise exception 'Not enough points: the balance is %, this needs %', balance, -new.points
        using errcode = 'P0001', hint = 'insufficient_points';
    end if;
  end if;
  return new;
end
$$;
create trigger loyalty_transactions_check_balance before insert on public.loyalty_transactions
  for each row execute function private.loyalty_transactions_check_balance();

-- The change feed: one realtime_table_events row per changed domain row, child rows resolved
-- to their organization.
create function private.record_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data jsonb;
  org uuid;
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
  else
    org := (row_data ->> 'organization_id')::uuid;
  end if;
  if org is not null then
    insert into public.realtime_table_events (organization_id, table_name, record_id, event_type)
    values (org, tg_table_name, (row_data ->> 'id')::uuid, tg_op);
  end if;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['organizations', 'staff_members', 'customers', 'customer_notes', 'services',
                           'jobs', 'invoices', 'invoice_line_items', 'messages', 'loyalty_rewards',
                           'loyalty_transactions']
  loop
    execute format(
      'create trigger record_change after insert or update or delete on public.%I '
      'for each row execute function private.record_change()', t);
  end loop;
end
$$;

revoke all on all functions in schema private from public, anon;
grant execute on all functions in schema private to authenticated, service_role;
