-- More customer notifications through the outbox of migration 29: the technician is on the way,
-- the visit is done (with a summary), a message from the business waits unread, and a review
-- request after a completed visit, answered on a portal page that needs no sign-in. Bookings
-- still waiting for the office say "request received", not "booked". docs/NOTIFICATIONS.md.

alter type public.notification_event add value if not exists 'technician_on_the_way';
alter type public.notification_event add value if not exists 'job_completed';
alter type public.notification_event add value if not exists 'message_unread';
alter type public.notification_event add value if not exists 'review_request';
alter type public.staff_notification_kind add value if not exists 'low_rating';

-- Business settings: how long a message may wait unread before it is announced, whether and when
-- a review is asked for, which ratings the office hears about, and where happy customers may
-- leave a public review.
alter table public.organizations
  add column unread_message_notify_minutes integer not null default 15
    check (unread_message_notify_minutes between 1 and 10080),
  add column review_requests_enabled boolean not null default true,
  add column review_request_delay_hours integer not null default 2
    check (review_request_delay_hours between 0 and 168),
  add column review_low_rating_threshold integer not null default 3
    check (review_low_rating_threshold between 1 and 5),
  add column public_review_url text
    check (public_review_url ~ '^https?://[^\s]+$' and length(public_review_url) <= 500);

-- Two more switch groups for the customer: messages waiting unread, and review requests.
alter table public.notification_outbox drop constraint notification_outbox_event_group_check;
alter table public.notification_outbox add constraint notification_outbox_event_group_check
  check (event_group in ('appointments', 'reminders', 'billing', 'messages', 'reviews'));
alter table public.notification_outbox drop constraint notification_outbox_record_table_check;
alter table public.notification_outbox add constraint notification_outbox_record_table_check
  check (record_table in ('jobs', 'quotes', 'invoices', 'payments', 'messages', 'reviews'));

-- Text comparisons: the new enum values cannot be used as literals in the transaction that adds them.
create or replace function private.notification_group(p_event public.notification_event)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_event::text = 'appointment_reminder' then 'reminders'
    when p_event::text = 'message_unread' then 'messages'
    when p_event::text = 'review_request' then 'reviews'
    when p_event::text like 'appointment_%' or p_event::text in ('technician_on_the_way', 'job_completed')
      then 'appointments'
    else 'billing'
  end
$$;

-- What a job message says, now with its status (a request is not yet a booking), its service and
-- the technician's first name.
create or replace function private.job_payload(j public.jobs)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'job_id', j.id, 'status', j.status, 'title', j.title,
    'starts_at', j.scheduled_start, 'ends_at', j.scheduled_end,
    'address', j.address, 'cancellation_reason', j.cancellation_reason,
    'service', (select s.name from public.services s where s.id = j.service_id),
    'technician_first_name',
      (select split_part(btrim(m.full_name), ' ', 1) from public.staff_members m where m.id = j.technician_id))
$$;

-- Reviews: one per completed job, asked for by e-mail/SMS with an unguessable link. Only the
-- SHA-256 of the token is kept here; the token itself travels in the request's outbox payload.
create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  job_id uuid not null unique,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  rating smallint check (rating between 1 and 5),
  comment text check (length(comment) <= 2000),
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  constraint reviews_submitted_with_rating check ((rating is null) = (submitted_at is null)),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade
);
create index reviews_org_idx on public.reviews (organization_id, submitted_at desc);
create index reviews_customer_idx on public.reviews (customer_id);

alter table public.reviews enable row level security;
create policy "customers read their own reviews" on public.reviews for select to authenticated
  using (customer_id = (select public.my_customer_id()));
create policy "staff read their organization's reviews" on public.reviews for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
-- Written only through the functions below (the token is the proof), never directly.
revoke all on public.reviews from anon, authenticated;
grant select (id, organization_id, customer_id, job_id, rating, comment, submitted_at, created_at)
  on public.reviews to authenticated;
grant select, insert, update, delete on public.reviews to service_role;

alter table public.staff_notifications drop constraint staff_notifications_record_table_check;
alter table public.staff_notifications add constraint staff_notifications_record_table_check
  check (record_table in ('jobs', 'messages', 'loyalty_transactions', 'customers', 'quotes', 'invoices',
                          'payments', 'properties', 'reviews'));

-- A new random token (two v4 UUIDs: 244 random bits) for a review link.
create function private.new_review_token()
returns text
language sql
volatile
set search_path = ''
as $$
  select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
$$;

create function private.review_token_hash(p_token text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex')
$$;

-- On the way, done, a request accepted, a review asked for: the job's own transaction enqueues them.
create function private.enqueue_field_notifications()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  org public.organizations;
  payload jsonb;
  token text;
  review_id uuid;
begin
  if new.status is not distinct from old.status then
    return null;
  end if;
  payload := private.job_payload(new);
  if new.status = 'en_route' then
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'technician_on_the_way', 'jobs', new.id, 'once', payload);
  elsif new.status = 'scheduled' and old.status = 'requested' then
    -- The office accepted the request: now it is booked (once per start time).
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'appointment_booked', 'jobs', new.id, 'accepted-' || extract(epoch from new.scheduled_start)::bigint, payload);
  elsif new.status = 'completed' then
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'job_completed', 'jobs', new.id, 'once',
      payload || jsonb_build_object(
        'completed_at', coalesce(new.completed_at, now()),
        'checklist', coalesce((select jsonb_agg(t.item order by t.done_at, t.item)
                               from public.job_checklist_ticks t where t.job_id = new.id), '[]'::jsonb)));
    select * into org from public.organizations o where o.id = new.organization_id;
    if org.review_requests_enabled then
      token := private.new_review_token();
      insert into public.reviews (organization_id, customer_id, job_id, token_hash)
      values (new.organization_id, new.customer_id, new.id, private.review_token_hash(token))
      on conflict (job_id) do nothing
      returning id into review_id;
      -- A job completed a second time keeps its first request.
      if review_id is not null then
        perform private.enqueue_notification(new.organization_id, new.customer_id,
          'review_request', 'reviews', review_id, 'once',
          payload || jsonb_build_object('token', token),
          now() + make_interval(hours => org.review_request_delay_hours));
      end if;
    end if;
  end if;
  if old.status = 'completed' then
    -- Reopened before the request went out: do not ask about a visit that is not done.
    update public.notification_outbox n
       set status = 'cancelled', locked_until = null
      from public.reviews r
     where r.job_id = new.id and n.record_id = r.id and n.event::text = 'review_request'
       and n.status = 'pending';
  end if;
  return null;
end
$$;
create trigger enqueue_field_notifications after update of status on public.jobs
  for each row execute function private.enqueue_field_notifications();

-- A message from the business: announced after the business's wait unless the customer reads it
-- first. A newer message replaces the older one's waiting notice (one notice per wait, not per line).
create function private.enqueue_message_notifications()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  minutes integer;
begin
  if tg_op = 'INSERT' then
    if new.sender_type <> 'staff' or new.read_at is not null or new.deleted_at is not null then
      return null;
    end if;
    update public.notification_outbox
       set status = 'cancelled', locked_until = null
     where customer_id = new.customer_id and event::text = 'message_unread' and status = 'pending';
    select o.unread_message_notify_minutes into minutes from public.organizations o where o.id = new.organization_id;
    perform private.enqueue_notification(new.organization_id, new.customer_id,
      'message_unread', 'messages', new.id, 'once',
      jsonb_build_object('preview', left(regexp_replace(new.body, '\s+', ' ', 'g'), 160),
        'sent_at', new.created_at),
      now() + make_interval(mins => minutes));
    return null;
  end if;
  if (new.read_at is not null and old.read_at is null) or (new.deleted_at is not null and old.deleted_at is null) then
    update public.notification_outbox
       set status = 'cancelled', locked_until = null
     where record_id = new.id and event::text = 'message_unread' and status = 'pending';
  end if;
  return null;
end
$$;
create trigger enqueue_notifications after insert or update of read_at, deleted_at on public.messages
  for each row execute function private.enqueue_message_notifications();

-- The review page (no sign-in: the token is the proof; the portal's server calls it with the
-- service role). What the page shows for a token.
create function public.review_by_token(p_token text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  r public.reviews;
  j public.jobs;
  org public.organizations;
begin
  select * into r from public.reviews where token_hash = private.review_token_hash(p_token);
  if r.id is null or length(coalesce(p_token, '')) <> 64 then
    raise exception 'This review link is not valid' using errcode = 'PT404';
  end if;
  select * into j from public.jobs where id = r.job_id;
  select * into org from public.organizations where id = r.organization_id;
  return jsonb_build_object(
    'business', org.name, 'timezone', org.timezone,
    'title', j.title, 'starts_at', j.scheduled_start,
    'technician_first_name', private.job_payload(j) ->> 'technician_first_name',
    'rating', r.rating, 'comment', r.comment, 'submitted_at', r.submitted_at,
    -- Offered only to a customer who rated above the business's threshold.
    'public_review_url', case when r.rating > org.review_low_rating_threshold then org.public_review_url end);
end
$$;

-- Rates the visit once; a second submission is refused with a clear message (the first stays).
-- A rating at or under the threshold tells the office in the CRM bell.
create function public.submit_review(p_token text, p_rating integer, p_comment text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.reviews;
  j public.jobs;
  org public.organizations;
  v_comment text := nullif(btrim(coalesce(p_comment, '')), '');
begin
  if p_rating is null or p_rating not between 1 and 5 then
    raise exception 'Choose from 1 to 5 stars' using errcode = '22023';
  end if;
  if length(v_comment) > 2000 then
    raise exception 'The comment is too long (at most 2000 characters)' using errcode = '22023';
  end if;
  select * into r from public.reviews
  where token_hash = private.review_token_hash(p_token) and length(coalesce(p_token, '')) = 64
  for update;
  if r.id is null then
    raise exception 'This review link is not valid' using errcode = 'PT404';
  end if;
  if r.submitted_at is not null then
    raise exception 'You already rated this visit, thank you. Your first review is kept.' using errcode = 'P0001';
  end if;
  update public.reviews set rating = p_rating, comment = v_comment, submitted_at = now()
   where id = r.id;
  select * into j from public.jobs where id = r.job_id;
  select * into org from public.organizations where id = r.organization_id;
  if p_rating <= org.review_low_rating_threshold then
    perform private.notify_staff(r.organization_id, r.customer_id, 'low_rating', 'reviews', r.id,
      format('%s rated %s %s of 5', private.customer_display_name(r.customer_id), j.title, p_rating),
      left(regexp_replace(v_comment, '\s+', ' ', 'g'), 160));
  end if;
  return public.review_by_token(p_token);
end
$$;

-- The worker may look ahead (`p_as_of`, default now) so tests can move the clock; production
-- workers never pass it. Leases still run on the real clock.
drop function public.claim_notifications(integer, integer);
create function public.claim_notifications(
  p_limit integer default 20, p_lease_seconds integer default 60, p_as_of timestamptz default now()
)
returns setof public.notification_outbox
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_limit not between 1 and 500 or p_lease_seconds not between 1 and 3600 or p_as_of is null then
    raise exception 'p_limit must be 1-500, p_lease_seconds 1-3600 and p_as_of a time' using errcode = '22023';
  end if;
  return query
  with due as (
    select n.id from public.notification_outbox n
    where (n.status = 'pending' and n.due_at <= p_as_of)
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

create or replace function public.unsubscribe_notifications(
  p_customer_id uuid, p_group text, p_channel public.notification_channel
)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_group not in ('appointments', 'reminders', 'billing', 'messages', 'reviews') then
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

revoke all on function private.new_review_token(), private.review_token_hash(text),
  private.enqueue_field_notifications(), private.enqueue_message_notifications()
  from public, anon, authenticated, service_role;
-- The portal's server calls these with the service role (no API role holds them: the token,
-- checked here, is the only proof, as with the unsubscribe link).
revoke all on function public.review_by_token(text), public.submit_review(text, integer, text)
  from public, anon, authenticated;
grant execute on function public.review_by_token(text), public.submit_review(text, integer, text)
  to service_role;
revoke all on function public.claim_notifications(integer, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer, integer, timestamptz) to service_role;
