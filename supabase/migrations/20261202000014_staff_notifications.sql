-- Staff notifications: what customers did in the portal (cancelled, asked to reschedule,
-- confirmed, redeemed points, changed their details, wrote a message), kept per staff member
-- with read/unread, so the CRM bell survives a reload and says who did what. The database writes
-- them (triggers below), whoever the client was; staff only read them and mark them read.

create type public.staff_notification_kind as enum (
  'job_cancelled', 'reschedule_requested', 'job_confirmed', 'points_redeemed', 'profile_updated',
  'message_received'
);

create table public.staff_notifications (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  staff_member_id uuid not null,
  kind public.staff_notification_kind not null,
  customer_id uuid not null,
  -- The record the notice is about (a job, message, loyalty transaction or the customer).
  record_table text not null check (record_table in ('jobs', 'messages', 'loyalty_transactions', 'customers')),
  record_id uuid not null,
  title text not null check (length(title) between 1 and 300),
  body text check (length(body) <= 500),
  read_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (organization_id, staff_member_id) references public.staff_members (organization_id, id)
    on delete cascade,
  foreign key (organization_id, customer_id) references public.customers (organization_id, id)
    on delete cascade
);
create index staff_notifications_inbox_idx on public.staff_notifications (staff_member_id, created_at desc, id desc);
create index staff_notifications_unread_idx on public.staff_notifications (staff_member_id) where read_at is null;

alter table public.staff_notifications enable row level security;
create policy "staff read their own notifications" on public.staff_notifications for select to authenticated
  using (staff_member_id = any (array(select public.my_staff_member_ids())));
create policy "staff mark their own notifications read" on public.staff_notifications for update to authenticated
  using (staff_member_id = any (array(select public.my_staff_member_ids())))
  with check (staff_member_id = any (array(select public.my_staff_member_ids())));
grant select on public.staff_notifications to authenticated;
grant update (read_at) on public.staff_notifications to authenticated;
grant select, insert, update, delete on public.staff_notifications to service_role;

-- Live in the bell: RLS decides which staff member receives each insert.
alter table public.staff_notifications replica identity full;
alter publication supabase_realtime add table public.staff_notifications;

-- The customer's display name, for "Alice Johnson cancelled …".
create function private.customer_display_name(p_customer_id uuid)
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(btrim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'A customer')
  from public.customers c where c.id = p_customer_id
$$;

-- A time as the organization reads it: "Thu, Dec 4 at 9:00 AM".
create function private.org_time(p_organization_id uuid, p_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select to_char(p_at at time zone o.timezone, 'Dy, Mon FMDD "at" FMHH12:MI AM')
  from public.organizations o where o.id = p_organization_id
$$;

-- One notice for each active office-side staff member (owner, admin, office) and, for a job,
-- its technician.
create function private.notify_staff(
  p_organization_id uuid, p_customer_id uuid, p_kind public.staff_notification_kind,
  p_record_table text, p_record_id uuid, p_title text, p_body text, p_technician_id uuid default null
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.staff_notifications
    (organization_id, staff_member_id, kind, customer_id, record_table, record_id, title, body)
  select p_organization_id, s.id, p_kind, p_customer_id, p_record_table, p_record_id,
         left(p_title, 300), left(p_body, 500)
  from public.staff_members s
  where s.organization_id = p_organization_id and s.active
    and (s.role in ('owner', 'admin', 'office') or s.id = p_technician_id)
$$;

create function private.notify_staff_of_job_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  who text;
  kind public.staff_notification_kind;
  title text;
  body text;
begin
  -- Only what the customer did (also inside the portal's rpc functions, which keep the claims).
  if (select public.my_customer_id()) is distinct from new.customer_id then
    return null;
  end if;
  who := private.customer_display_name(new.customer_id);
  if new.status = 'cancelled' and old.status is distinct from 'cancelled' then
    kind := 'job_cancelled';
    title := format('%s cancelled %s on %s', who, new.title, private.org_time(new.organization_id, new.scheduled_start));
    body := new.cancellation_reason;
  elsif new.reschedule_requested_at is not null
        and new.reschedule_requested_at is distinct from old.reschedule_requested_at then
    kind := 'reschedule_requested';
    title := format('%s asked to reschedule %s on %s', who, new.title, private.org_time(new.organization_id, new.scheduled_start));
    body := new.reschedule_note;
  elsif new.status = 'confirmed' and old.status is distinct from 'confirmed' then
    kind := 'job_confirmed';
    title := format('%s confirmed %s on %s', who, new.title, private.org_time(new.organization_id, new.scheduled_start));
  else
    return null;
  end if;
  perform private.notify_staff(new.organization_id, new.customer_id, kind, 'jobs', new.id, title, body, new.technician_id);
  return null;
end
$$;
create trigger notify_staff_of_job_change after update on public.jobs
  for each row execute function private.notify_staff_of_job_change();

create function private.notify_staff_of_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.sender_type <> 'customer' then
    return null;
  end if;
  perform private.notify_staff(
    new.organization_id, new.customer_id, 'message_received', 'messages', new.id,
    format('%s sent a message', private.customer_display_name(new.customer_id)),
    left(regexp_replace(new.body, '\s+', ' ', 'g'), 160));
  return null;
end
$$;
create trigger notify_staff_of_message after insert on public.messages
  for each row execute function private.notify_staff_of_message();

create function private.notify_staff_of_redemption()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.kind <> 'redeemed' or (select public.my_customer_id()) is distinct from new.customer_id then
    return null;
  end if;
  perform private.notify_staff(
    new.organization_id, new.customer_id, 'points_redeemed', 'loyalty_transactions', new.id,
    format('%s redeemed %s points', private.customer_display_name(new.customer_id), -new.points),
    new.description);
  return null;
end
$$;
create trigger notify_staff_of_redemption after insert on public.loyalty_transactions
  for each row execute function private.notify_staff_of_redemption();

create function private.notify_staff_of_profile_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed text[];
begin
  if (select public.my_customer_id()) is distinct from new.id then
    return null;
  end if;
  -- The contact details staff rely on; preferences are the customer's own business.
  select array_agg(label order by ord) into changed
  from (values
    (1, 'name', old.first_name is distinct from new.first_name or old.last_name is distinct from new.last_name),
    (2, 'e-mail', old.email is distinct from new.email),
    (3, 'phone', old.phone is distinct from new.phone),
    (4, 'address', old.address_line1 is distinct from new.address_line1 or old.address_line2 is distinct from new.address_line2
                   or old.city is distinct from new.city or old.region is distinct from new.region
                   or old.postal_code is distinct from new.postal_code)
  ) as f(ord, label, differs)
  where differs;
  if changed is null then
    return null;
  end if;
  perform private.notify_staff(
    new.organization_id, new.id, 'profile_updated', 'customers', new.id,
    format('%s updated their %s', private.customer_display_name(new.id), array_to_string(changed, ', ')),
    null);
  return null;
end
$$;
create trigger notify_staff_of_profile_change after update on public.customers
  for each row execute function private.notify_staff_of_profile_change();

-- Marking read is the only change staff make.
create function private.staff_notifications_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() then
    perform private.assert_only_columns_changed(to_jsonb(old), to_jsonb(new), array['read_at'], 'notification');
  end if;
  return new;
end
$$;
create trigger staff_notifications_guard before update on public.staff_notifications
  for each row execute function private.staff_notifications_guard();

-- "Mark all read" in one statement, for the caller's own notices only.
create function public.mark_staff_notifications_read(p_before timestamptz default now())
returns integer
language sql
security invoker
set search_path = ''
as $$
  with marked as (
    update public.staff_notifications set read_at = now()
    where read_at is null and created_at <= p_before
      and staff_member_id = any (array(select public.my_staff_member_ids()))
    returning 1
  )
  select count(*)::integer from marked
$$;
revoke all on function public.mark_staff_notifications_read(timestamptz) from public, anon;
grant execute on function public.mark_staff_notifications_read(timestamptz) to authenticated;

-- Only triggers run these (as their owner): no API role may call them.
revoke all on function
  private.customer_display_name(uuid),
  private.org_time(uuid, timestamptz),
  private.notify_staff(uuid, uuid, public.staff_notification_kind, text, uuid, text, text, uuid),
  private.notify_staff_of_job_change(),
  private.notify_staff_of_message(),
  private.notify_staff_of_redemption(),
  private.notify_staff_of_profile_change(),
  private.staff_notifications_guard()
from public, anon, authenticated, service_role;
