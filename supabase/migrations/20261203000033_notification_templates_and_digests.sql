-- Notifications, part two: each business's own wording and colour, staff e-mail digests through
-- the same outbox, and a retry for dead deliveries. docs/NOTIFICATIONS.md has the whole story.

-- The business's accent colour: the bar and heading colour of every e-mail it sends.
alter table public.organizations
  add column accent_color text not null default '#0f172a'
    check (accent_color ~ '^#[0-9a-f]{6}$');

-- Per event and channel, an optional subject and body written by the business, with
-- {{variables}} (the list per event lives in @repo/notifications/template-variables, which
-- validates them before a row is written; the worker falls back to the built-in words when a
-- stored template does not validate). E-mails have a subject, texts do not.
create table public.notification_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  event public.notification_event not null,
  channel public.notification_channel not null,
  subject text check (length(subject) between 1 and 200),
  body text check (length(body) between 1 and 5000),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, event, channel),
  check (subject is not null or body is not null),
  check (channel = 'email' or (subject is null and length(body) <= 480))
);
create trigger set_updated_at before update on public.notification_templates
  for each row execute function private.set_updated_at();

alter table public.notification_templates enable row level security;
create policy "staff read their organization's templates" on public.notification_templates
  for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "owners and admins add templates" on public.notification_templates
  for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins change templates" on public.notification_templates
  for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins reset templates" on public.notification_templates
  for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
revoke all on public.notification_templates from anon, authenticated;
grant select, insert, delete on public.notification_templates to authenticated;
grant update (subject, body, updated_by) on public.notification_templates to authenticated;
grant select, insert, update, delete on public.notification_templates to service_role;

-- Staff digests: each staff member may ask for an e-mail of their unread bell notifications,
-- hourly or daily at an hour of the organization's time zone. Off unless they opt in.
create table public.staff_digest_settings (
  staff_member_id uuid primary key,
  organization_id uuid not null,
  frequency text not null default 'off' check (frequency in ('off', 'hourly', 'daily')),
  -- Daily digests go out at this hour (0-23) in organizations.timezone.
  hour smallint not null default 7 check (hour between 0 and 23),
  -- When a digest was last considered (written by enqueue_staff_digests only): its slot is done,
  -- and the next digest covers what came after it.
  last_digest_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (organization_id, staff_member_id) references public.staff_members (organization_id, id)
    on delete cascade
);
create trigger set_updated_at before update on public.staff_digest_settings
  for each row execute function private.set_updated_at();

alter table public.staff_digest_settings enable row level security;
create policy "staff read their own digest setting" on public.staff_digest_settings
  for select to authenticated
  using (staff_member_id = any (array(select public.my_staff_member_ids())));
create policy "staff add their own digest setting" on public.staff_digest_settings
  for insert to authenticated
  with check (staff_member_id = any (array(select public.my_staff_member_ids())));
create policy "staff change their own digest setting" on public.staff_digest_settings
  for update to authenticated
  using (staff_member_id = any (array(select public.my_staff_member_ids())))
  with check (staff_member_id = any (array(select public.my_staff_member_ids())));
revoke all on public.staff_digest_settings from anon, authenticated;
grant select on public.staff_digest_settings to authenticated;
grant insert (staff_member_id, organization_id, frequency, hour) on public.staff_digest_settings to authenticated;
grant update (frequency, hour) on public.staff_digest_settings to authenticated;
grant select, insert, update, delete on public.staff_digest_settings to service_role;

-- The outbox learns a second kind of recipient: a staff member (digests). Exactly one of the
-- customer and the staff member is set; customers still read only their own rows.
alter type public.notification_event add value 'staff_digest';
alter table public.notification_outbox
  alter column customer_id drop not null,
  add column staff_member_id uuid,
  add constraint notification_outbox_staff_member_fkey foreign key (organization_id, staff_member_id)
    references public.staff_members (organization_id, id) on delete cascade,
  add constraint notification_outbox_one_recipient check (num_nonnulls(customer_id, staff_member_id) = 1),
  drop constraint notification_outbox_event_group_check,
  add constraint notification_outbox_event_group_check
    check (event_group in ('appointments', 'reminders', 'billing', 'messages', 'reviews', 'staff')),
  drop constraint notification_outbox_record_table_check,
  add constraint notification_outbox_record_table_check
    check (record_table in ('jobs', 'quotes', 'invoices', 'payments', 'messages', 'reviews', 'staff_members'));
create index notification_outbox_staff_idx on public.notification_outbox (staff_member_id, created_at desc)
  where staff_member_id is not null;

-- The start of the digest slot a staff member is in at p_now: the hour for hourly digests, the
-- last occurrence of their hour in the organization's time zone for daily ones.
create function private.digest_slot(p_frequency text, p_hour smallint, p_timezone text, p_now timestamptz)
returns timestamptz
language plpgsql
immutable
set search_path = ''
as $$
declare
  local_now timestamp := p_now at time zone p_timezone;
  slot timestamp;
begin
  if p_frequency = 'hourly' then
    return date_trunc('hour', p_now);
  end if;
  slot := date_trunc('day', local_now) + make_interval(hours => p_hour);
  if slot > local_now then
    slot := slot - interval '1 day';
  end if;
  return slot at time zone p_timezone;
end
$$;

-- Enqueues one digest per staff member whose slot has come and who has unread notifications
-- created since their previous digest (the first one: since one period before the slot).
-- Nothing unread: nothing is enqueued, and the slot still counts as done. Service role: the worker
-- calls it every minute, or pg_cron does on hosted Supabase. Returns the rows added.
create function public.enqueue_staff_digests(p_now timestamptz default now())
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  s record;
  slot timestamptz;
  since timestamptz;
  ids uuid[];
  added integer := 0;
  n integer;
begin
  for s in
    select d.staff_member_id, d.organization_id, d.frequency, d.hour, d.last_digest_at,
           o.timezone, lower(btrim(m.email)) as email
      from public.staff_digest_settings d
      join public.staff_members m on m.id = d.staff_member_id and m.organization_id = d.organization_id
      join public.organizations o on o.id = d.organization_id
     where d.frequency <> 'off' and m.active and nullif(btrim(m.email), '') is not null
     for update of d skip locked
  loop
    slot := private.digest_slot(s.frequency, s.hour, s.timezone, p_now);
    continue when s.last_digest_at is not null and s.last_digest_at >= slot;
    since := coalesce(s.last_digest_at,
      slot - case s.frequency when 'hourly' then interval '1 hour' else interval '1 day' end);
    select array_agg(sn.id order by sn.created_at desc) into ids
      from public.staff_notifications sn
     where sn.staff_member_id = s.staff_member_id and sn.read_at is null
       and sn.created_at <= p_now and sn.created_at > since;
    update public.staff_digest_settings set last_digest_at = p_now where staff_member_id = s.staff_member_id;
    continue when ids is null;
    insert into public.notification_outbox
      (organization_id, staff_member_id, event, event_group, channel, recipient, record_table,
       record_id, payload, idempotency_key)
    values (s.organization_id, s.staff_member_id, 'staff_digest', 'staff', 'email', s.email,
      'staff_members', s.staff_member_id,
      jsonb_build_object('notification_ids', to_jsonb(ids), 'since', since, 'slot', slot,
        'frequency', s.frequency),
      format('staff_digest:%s:%s:email:%s', s.staff_member_id, extract(epoch from slot)::bigint, s.email))
    on conflict (idempotency_key) do nothing;
    get diagnostics n = row_count;
    added := added + n;
  end loop;
  return added;
end
$$;

-- A digest's notifications that are still unread when it is sent (newest first): a notice read
-- in the meantime drops out, and a digest with none left is not sent.
create function public.staff_digest_items(p_id uuid)
returns table (id uuid, kind public.staff_notification_kind, title text, body text, created_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select sn.id, sn.kind, sn.title, sn.body, sn.created_at
    from public.notification_outbox n
    join public.staff_notifications sn
      on sn.staff_member_id = n.staff_member_id
     and sn.id in (select jsonb_array_elements_text(n.payload -> 'notification_ids')::uuid)
   where n.id = p_id and sn.read_at is null
   order by sn.created_at desc
   limit 50
$$;

-- Withdrawn by the worker (a digest whose notifications were all read before it went out).
create function public.withdraw_notification(p_id uuid, p_attempt integer, p_reason text)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with done as (
    update public.notification_outbox
       set status = 'cancelled', locked_until = null, last_error = left(p_reason, 2000)
     where id = p_id and status = 'sending' and attempts = p_attempt
    returning 1
  )
  select exists (select 1 from done)
$$;

-- What a message needs besides its payload, as it is when rendered: the business (with its
-- colour), whom it addresses (the customer, or the staff member of a digest) and the business's
-- own template for this event and channel, if it wrote one.
create or replace function public.notification_context(p_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'organization', jsonb_build_object('name', o.name, 'email', o.email, 'phone', o.phone,
      'address', o.address, 'timezone', o.timezone, 'currency', o.currency,
      'accent_color', o.accent_color),
    'customer', case when c.id is not null
      then jsonb_build_object('first_name', c.first_name, 'last_name', c.last_name)
      else jsonb_build_object('first_name', split_part(m.full_name, ' ', 1),
        'last_name', nullif(substr(m.full_name, length(split_part(m.full_name, ' ', 1)) + 2), ''))
      end,
    'template', case when t.id is not null
      then jsonb_build_object('subject', t.subject, 'body', t.body) end)
  from public.notification_outbox n
  join public.organizations o on o.id = n.organization_id
  left join public.customers c on c.id = n.customer_id
  left join public.staff_members m on m.id = n.staff_member_id
  left join public.notification_templates t
    on t.organization_id = n.organization_id and t.event = n.event and t.channel = n.channel
  where n.id = p_id
$$;

-- "Retry" in the CRM's delivery log: a dead delivery goes back to the queue with fresh attempts.
-- Owners and admins of that organization only; anything but a dead row is refused.
create function public.retry_notification(p_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  org uuid;
begin
  select n.organization_id into org from public.notification_outbox n where n.id = p_id;
  if org is null
     or not org = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))) then
    raise exception 'no such delivery' using errcode = '42501';
  end if;
  update public.notification_outbox
     set status = 'pending', attempts = 0, due_at = now(), locked_until = null
   where id = p_id and status = 'dead';
  if not found then
    raise exception 'only a failed (dead) delivery can be retried' using errcode = '22023';
  end if;
  return true;
end
$$;

revoke all on function private.digest_slot(text, smallint, text, timestamptz)
  from public, anon, authenticated, service_role;
revoke all on function public.enqueue_staff_digests(timestamptz),
  public.staff_digest_items(uuid),
  public.withdraw_notification(uuid, integer, text),
  public.notification_context(uuid),
  public.retry_notification(uuid)
  from public, anon, authenticated;
grant execute on function public.enqueue_staff_digests(timestamptz),
  public.staff_digest_items(uuid),
  public.withdraw_notification(uuid, integer, text),
  public.notification_context(uuid)
  to service_role;
grant execute on function public.retry_notification(uuid) to authenticated;
