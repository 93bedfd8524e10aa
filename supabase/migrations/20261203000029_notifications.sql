-- Customer notifications by e-mail and SMS through a durable outbox.
--
-- A change enqueues its notifications in the same transaction (the triggers below), one row per
-- (event, channel, recipient) under a unique idempotency key, so a retried statement or a second
-- trigger firing can never enqueue the same notification twice. A worker (packages/notifications)
-- claims due rows with FOR UPDATE SKIP LOCKED through the service-role functions at the end,
-- sends, and marks them sent, or schedules a retry with exponential back-off, or gives up (dead).
-- Reminders are ordinary rows with a later due time. docs/NOTIFICATIONS.md has the whole story.

create type public.notification_event as enum (
  'appointment_booked', 'appointment_confirmed', 'appointment_rescheduled', 'appointment_cancelled',
  'appointment_reminder', 'quote_sent', 'invoice_sent', 'payment_receipt', 'payment_failed'
);
create type public.notification_channel as enum ('email', 'sms');
-- pending: waits for due_at; sending: claimed by a worker until locked_until; sent; dead: gave
-- up after max_attempts; cancelled: no longer wanted (a reminder of a moved or cancelled job,
-- or the customer switched the channel off before it went out).
create type public.notification_status as enum ('pending', 'sending', 'sent', 'dead', 'cancelled');

-- Business defaults: which channels the business uses, when reminders go out, and the hours in
-- which no text message is sent (in the organization's time zone; start > end spans midnight).
alter table public.organizations
  add column notify_by_email boolean not null default true,
  add column notify_by_sms boolean not null default true,
  add column reminder_hours_before integer not null default 24 check (reminder_hours_before between 1 and 168),
  add column sms_quiet_start time not null default '21:00',
  add column sms_quiet_end time not null default '08:00';

-- Customers' switches: the existing `email` and `sms` stay the master switches; each event
-- group may be switched off per channel (`appointments_email`, `billing_sms`, ...). A missing
-- group switch means on. New customers start with e-mail on and SMS off, as before.

create table public.notification_outbox (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  customer_id uuid not null,
  event public.notification_event not null,
  -- Whose switches decide it (`private.notification_group`): appointments, reminders, billing.
  event_group text not null check (event_group in ('appointments', 'reminders', 'billing')),
  channel public.notification_channel not null,
  -- The address or phone number at the time of the change.
  recipient text not null check (length(recipient) between 3 and 320),
  record_table text not null check (record_table in ('jobs', 'quotes', 'invoices', 'payments')),
  record_id uuid not null,
  -- What the message says, as it was when the change happened (title, times, amounts).
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  -- One notification per (event, occurrence, channel, recipient): a second enqueue is a no-op.
  idempotency_key text not null unique check (length(idempotency_key) <= 300),
  status public.notification_status not null default 'pending',
  due_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 6 check (max_attempts between 1 and 50),
  locked_until timestamptz,
  last_error text check (length(last_error) <= 2000),
  -- What the provider answered (SMTP Message-ID, SMS id).
  provider_message_id text check (length(provider_message_id) <= 500),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade
);
create index notification_outbox_due_idx on public.notification_outbox (due_at)
  where status in ('pending', 'sending');
create index notification_outbox_org_idx on public.notification_outbox (organization_id, created_at desc);
create index notification_outbox_record_idx on public.notification_outbox (record_id, event);
create index notification_outbox_customer_idx on public.notification_outbox (customer_id, created_at desc);
create trigger set_updated_at before update on public.notification_outbox
  for each row execute function private.set_updated_at();

-- Staff see their organization's deliveries (the CRM's log); customers their own. Nobody but
-- the service role (the worker) writes: rows come from the triggers below.
alter table public.notification_outbox enable row level security;
create policy "staff read their organization's notifications" on public.notification_outbox
  for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own notifications" on public.notification_outbox
  for select to authenticated
  using (customer_id = (select public.my_customer_id()));
revoke all on public.notification_outbox from anon, authenticated;
grant select on public.notification_outbox to authenticated;
grant select, insert, update, delete on public.notification_outbox to service_role;

-- Which group an event's switches belong to.
create function private.notification_group(p_event public.notification_event)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_event = 'appointment_reminder' then 'reminders'
    when p_event::text like 'appointment_%' then 'appointments'
    else 'billing'
  end
$$;

-- Whether the business and the customer both want this event on this channel.
create function private.notification_wanted(
  p_org public.organizations, p_prefs jsonb, p_event public.notification_event, p_channel public.notification_channel
)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select case p_channel when 'email' then p_org.notify_by_email else p_org.notify_by_sms end
    and coalesce((p_prefs ->> p_channel::text)::boolean, p_channel = 'email')
    and coalesce((p_prefs ->> (private.notification_group(p_event) || '_' || p_channel::text))::boolean, true)
$$;

-- The first moment at or after p_at outside the organization's SMS quiet hours.
create function private.sms_send_time(p_org public.organizations, p_at timestamptz)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  local_at timestamp := p_at at time zone p_org.timezone;
  t time := local_at::time;
  quiet boolean;
  resume timestamp;
begin
  if p_org.sms_quiet_start = p_org.sms_quiet_end then
    return p_at;
  end if;
  if p_org.sms_quiet_start < p_org.sms_quiet_end then
    quiet := t >= p_org.sms_quiet_start and t < p_org.sms_quiet_end;
    resume := local_at::date + p_org.sms_quiet_end;
  else
    quiet := t >= p_org.sms_quiet_start or t < p_org.sms_quiet_end;
    resume := case when t >= p_org.sms_quiet_start then local_at::date + 1 else local_at::date end
      + p_org.sms_quiet_end;
  end if;
  return case when quiet then resume at time zone p_org.timezone else p_at end;
end
$$;

-- Enqueues the event for every wanted channel with a recipient; returns the rows it added.
create function private.enqueue_notification(
  p_organization_id uuid, p_customer_id uuid, p_event public.notification_event,
  p_record_table text, p_record_id uuid, p_occurrence text, p_payload jsonb,
  p_due_at timestamptz default now()
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  org public.organizations;
  cust public.customers;
  channel public.notification_channel;
  recipient text;
  added integer := 0;
  n integer;
begin
  select * into org from public.organizations o where o.id = p_organization_id;
  select * into cust from public.customers c where c.id = p_customer_id;
  if org.id is null or cust.id is null or cust.archived_at is not null then
    return 0;
  end if;
  foreach channel in array enum_range(null::public.notification_channel) loop
    recipient := case channel when 'email' then lower(btrim(cust.email)) else nullif(btrim(cust.phone), '') end;
    continue when recipient is null
      or not private.notification_wanted(org, cust.notification_preferences, p_event, channel);
    insert into public.notification_outbox
      (organization_id, customer_id, event, event_group, channel, recipient, record_table, record_id,
       payload, idempotency_key, due_at)
    values (
      p_organization_id, p_customer_id, p_event, private.notification_group(p_event), channel,
      recipient, p_record_table, p_record_id,
      p_payload,
      format('%s:%s:%s:%s:%s', p_event, p_record_id, p_occurrence, channel, recipient),
      case channel when 'sms' then private.sms_send_time(org, p_due_at) else p_due_at end)
    on conflict (idempotency_key) do nothing;
    get diagnostics n = row_count;
    added := added + n;
  end loop;
  return added;
end
$$;

create function private.job_payload(j public.jobs)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'title', j.title, 'starts_at', j.scheduled_start, 'ends_at', j.scheduled_end,
    'address', j.address, 'cancellation_reason', j.cancellation_reason)
$$;

-- Reminders: one pending row per channel, due reminder_hours_before the start; a move or a
-- cancellation withdraws the pending ones (a new start gets new ones).
create function private.schedule_job_reminder(j public.jobs)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  due timestamptz;
begin
  update public.notification_outbox
     set status = 'cancelled', locked_until = null
   where record_id = j.id and event = 'appointment_reminder' and status = 'pending';
  if j.status in ('cancelled', 'completed', 'in_progress') then
    return;
  end if;
  select j.scheduled_start - make_interval(hours => o.reminder_hours_before) into due
  from public.organizations o where o.id = j.organization_id;
  if due <= now() then
    return;
  end if;
  perform private.enqueue_notification(
    j.organization_id, j.customer_id, 'appointment_reminder', 'jobs', j.id,
    extract(epoch from j.scheduled_start)::bigint::text, private.job_payload(j), due);
end
$$;

create function private.enqueue_job_notifications()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  payload jsonb := private.job_payload(new);
begin
  if tg_op = 'INSERT' then
    if new.status not in ('cancelled', 'completed') and new.scheduled_start > now() then
      perform private.enqueue_notification(new.organization_id, new.customer_id,
        'appointment_booked', 'jobs', new.id, 'once', payload);
      perform private.schedule_job_reminder(new);
    end if;
    return null;
  end if;
  if new.status = 'cancelled' and old.status is distinct from 'cancelled' then
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'appointment_cancelled', 'jobs', new.id, 'once', payload);
    perform private.schedule_job_reminder(new);
    return null;
  end if;
  if new.status = 'cancelled' then
    return null;
  end if;
  if new.scheduled_start is distinct from old.scheduled_start then
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'appointment_rescheduled', 'jobs', new.id, extract(epoch from new.scheduled_start)::bigint::text,
      payload || jsonb_build_object('previous_starts_at', old.scheduled_start));
    perform private.schedule_job_reminder(new);
  elsif new.status in ('completed', 'in_progress') and old.status is distinct from new.status then
    perform private.schedule_job_reminder(new);
  end if;
  if new.status = 'confirmed' and old.status is distinct from 'confirmed' then
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'appointment_confirmed', 'jobs', new.id,
      extract(epoch from coalesce(new.confirmed_at, now()))::bigint::text, payload);
  end if;
  return null;
end
$$;
create trigger enqueue_notifications after insert or update on public.jobs
  for each row execute function private.enqueue_job_notifications();

-- Quotes and invoices are usually written as a row and then its lines, in one transaction: these
-- triggers wait for the commit (deferred) and read the row as it is then, so the message has
-- the final totals. The decision (did it become sent?) is taken on the change itself.
create function private.enqueue_quote_notifications()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  q public.quotes;
begin
  if new.status = 'sent'
     and (tg_op = 'INSERT' or old.status is distinct from 'sent' or old.version <> new.version) then
    select * into q from public.quotes where id = new.id;
    if q.id is null or q.status <> 'sent' then
      return null;
    end if;
    perform private.enqueue_notification(q.organization_id, q.customer_id,
      'quote_sent', 'quotes', q.id, 'v' || q.version,
      jsonb_build_object('number', q.number, 'title', q.title, 'total_cents', q.total_cents,
        'deposit_cents', q.deposit_cents, 'valid_until', q.valid_until));
  end if;
  return null;
end
$$;
create constraint trigger enqueue_notifications after insert or update of status, version on public.quotes
  deferrable initially deferred
  for each row execute function private.enqueue_quote_notifications();

create function private.enqueue_invoice_notifications()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  i public.invoices;
begin
  if new.status = 'sent' and (tg_op = 'INSERT' or old.status = 'draft') then
    select * into i from public.invoices where id = new.id;
    if i.id is null or i.status in ('draft', 'void', 'paid') then
      return null;
    end if;
    perform private.enqueue_notification(i.organization_id, i.customer_id,
      'invoice_sent', 'invoices', i.id, 'once',
      jsonb_build_object('number', i.number, 'total_cents', i.total_cents,
        'balance_cents', i.balance_cents, 'due_at', i.due_at));
  end if;
  return null;
end
$$;
create constraint trigger enqueue_notifications after insert or update of status on public.invoices
  deferrable initially deferred
  for each row execute function private.enqueue_invoice_notifications();

create function private.enqueue_payment_notifications()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  event public.notification_event;
  invoice_number text;
begin
  if tg_op = 'UPDATE' and old.status = new.status then
    return null;
  end if;
  event := case new.status when 'succeeded' then 'payment_receipt' when 'failed' then 'payment_failed' end;
  if event is null then
    return null;
  end if;
  select i.number into invoice_number from public.invoices i where i.id = new.invoice_id;
  perform private.enqueue_notification(new.organization_id, new.customer_id,
    event, 'payments', new.id, 'once',
    jsonb_build_object('amount_cents', new.amount_cents, 'tip_cents', new.tip_cents,
      'method', new.method, 'invoice_number', invoice_number, 'received_at', new.received_at,
      'failure_message', new.failure_message));
  return null;
end
$$;
create trigger enqueue_notifications after insert or update of status on public.payments
  for each row execute function private.enqueue_payment_notifications();

-- The worker's side (service role only). Claiming takes due rows (and rows whose worker's lease
-- ran out) with SKIP LOCKED, so any number of workers share the queue without taking the same
-- row; each claim counts as an attempt.
create function public.claim_notifications(p_limit integer default 20, p_lease_seconds integer default 60)
returns setof public.notification_outbox
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_limit not between 1 and 500 or p_lease_seconds not between 1 and 3600 then
    raise exception 'p_limit must be 1-500 and p_lease_seconds 1-3600' using errcode = '22023';
  end if;
  return query
  with due as (
    select n.id from public.notification_outbox n
    where (n.status = 'pending' and n.due_at <= now())
       or (n.status = 'sending' and n.locked_until < now())
    order by n.due_at
    limit p_limit
    for update skip locked
  )
  update public.notification_outbox n
     set status = 'sending', attempts = n.attempts + 1,
         locked_until = now() + make_interval(secs => p_lease_seconds)
    from due where n.id = due.id
  returning n.*;
end
$$;

-- Sent: only by the worker holding the row (a lost lease means another worker owns it now).
create function public.complete_notification(p_id uuid, p_attempt integer, p_provider_message_id text default null)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with done as (
    update public.notification_outbox
       set status = 'sent', sent_at = now(), locked_until = null,
           provider_message_id = left(p_provider_message_id, 500), last_error = null
     where id = p_id and status = 'sending' and attempts = p_attempt
    returning 1
  )
  select exists (select 1 from done)
$$;

-- Failed: retry after 30 s × 2^(attempt-1) (capped at 6 h), or dead after max_attempts.
-- p_permanent (a refused address) goes straight to dead.
create function public.fail_notification(p_id uuid, p_attempt integer, p_error text, p_permanent boolean default false)
returns public.notification_status
language sql
security definer
set search_path = ''
as $$
  update public.notification_outbox n
     set status = case when p_permanent or n.attempts >= n.max_attempts then 'dead'::public.notification_status
                       else 'pending' end,
         due_at = case when p_permanent or n.attempts >= n.max_attempts then n.due_at
                       else now() + make_interval(secs => least(21600, 30 * power(2, n.attempts - 1))) end,
         locked_until = null,
         last_error = left(p_error, 2000)
   where n.id = p_id and n.status = 'sending' and n.attempts = p_attempt
  returning n.status
$$;

-- What a message needs besides its payload: the business and the customer as they are now.
create function public.notification_context(p_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'organization', jsonb_build_object('name', o.name, 'email', o.email, 'phone', o.phone,
      'address', o.address, 'timezone', o.timezone, 'currency', o.currency),
    'customer', jsonb_build_object('first_name', c.first_name, 'last_name', c.last_name))
  from public.notification_outbox n
  join public.organizations o on o.id = n.organization_id
  join public.customers c on c.id = n.customer_id
  where n.id = p_id
$$;

-- An unsubscribe link (signed by the worker, checked by the portal's server with the service
-- role): switches one event group off on one channel for one customer and withdraws what of it
-- is still waiting. Other groups and channels stay as they were.
create function public.unsubscribe_notifications(
  p_customer_id uuid, p_group text, p_channel public.notification_channel
)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_group not in ('appointments', 'reminders', 'billing') then
    raise exception 'unknown notification group %', p_group using errcode = '22023';
  end if;
  update public.customers
     set notification_preferences = notification_preferences
           || jsonb_build_object(p_group || '_' || p_channel::text, false)
   where id = p_customer_id;
  if not found then
    return false;
  end if;
  update public.notification_outbox
     set status = 'cancelled'
   where customer_id = p_customer_id and event_group = p_group and channel = p_channel
     and status = 'pending';
  return true;
end
$$;

revoke all on function private.notification_group(public.notification_event),
  private.notification_wanted(public.organizations, jsonb, public.notification_event, public.notification_channel),
  private.sms_send_time(public.organizations, timestamptz),
  private.enqueue_notification(uuid, uuid, public.notification_event, text, uuid, text, jsonb, timestamptz),
  private.job_payload(public.jobs), private.schedule_job_reminder(public.jobs),
  private.enqueue_job_notifications(), private.enqueue_quote_notifications(),
  private.enqueue_invoice_notifications(), private.enqueue_payment_notifications()
  from public, anon, authenticated, service_role;
revoke all on function public.unsubscribe_notifications(uuid, text, public.notification_channel)
  from public, anon, authenticated;
grant execute on function public.unsubscribe_notifications(uuid, text, public.notification_channel)
  to service_role;
revoke all on function public.claim_notifications(integer, integer),
  public.complete_notification(uuid, integer, text),
  public.fail_notification(uuid, integer, text, boolean),
  public.notification_context(uuid)
  from public, anon, authenticated;
grant execute on function public.claim_notifications(integer, integer),
  public.complete_notification(uuid, integer, text),
  public.fail_notification(uuid, integer, text, boolean),
  public.notification_context(uuid)
  to service_role;
