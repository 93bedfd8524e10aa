-- Scheduling core: when each technician works, when they are off, which services they do, and the
-- business's booking rules; free slots computed from all of that and the jobs already booked;
-- online booking and rescheduling that the database serializes, so two customers racing for the
-- last slot get one job and one clear refusal. Times are the organization's local times.

-- Booking rules.
alter table public.organizations
  add column online_booking boolean not null default true,
  -- Booked online: `requested` for the office to accept, or straight to `scheduled`.
  add column instant_booking boolean not null default false,
  add column booking_lead_hours integer not null default 24 check (booking_lead_hours between 0 and 720),
  add column booking_horizon_days integer not null default 60 check (booking_horizon_days between 1 and 365),
  add column booking_buffer_minutes integer not null default 30 check (booking_buffer_minutes between 0 and 480),
  add column booking_slot_step_minutes integer not null default 30 check (booking_slot_step_minutes in (15, 20, 30, 60));
alter table public.services add column bookable_online boolean not null default true;

-- Weekly working hours: one or more shifts per technician and weekday (0 = Sunday, as extract(dow)).
create table public.working_hours (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  staff_member_id uuid not null,
  weekday smallint not null check (weekday between 0 and 6),
  starts_at time not null,
  ends_at time not null,
  constraint working_hours_end_after_start check (ends_at > starts_at),
  foreign key (organization_id, staff_member_id) references public.staff_members (organization_id, id) on delete cascade
);
create index working_hours_staff_idx on public.working_hours (staff_member_id, weekday, starts_at);
create index working_hours_org_idx on public.working_hours (organization_id);

create function private.working_hours_no_overlap()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.working_hours w
    where w.staff_member_id = new.staff_member_id and w.weekday = new.weekday and w.id <> new.id
      and w.starts_at < new.ends_at and w.ends_at > new.starts_at
  ) then
    raise exception 'These hours overlap other hours of the same day' using errcode = '23P01';
  end if;
  return new;
end
$$;
create trigger working_hours_no_overlap before insert or update on public.working_hours
  for each row execute function private.working_hours_no_overlap();

-- Time off: holidays, sick days, a dentist appointment.
create table public.time_off (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  staff_member_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  reason text check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  constraint time_off_end_after_start check (ends_at > starts_at),
  constraint time_off_at_most_a_year check (ends_at - starts_at <= interval '366 days'),
  foreign key (organization_id, staff_member_id) references public.staff_members (organization_id, id) on delete cascade
);
create index time_off_staff_idx on public.time_off (staff_member_id, starts_at);
create index time_off_org_idx on public.time_off (organization_id, starts_at);

-- Which services a technician does. A technician with no rows does every service.
create table public.technician_services (
  organization_id uuid not null,
  staff_member_id uuid not null,
  service_id uuid not null,
  primary key (staff_member_id, service_id),
  foreign key (organization_id, staff_member_id) references public.staff_members (organization_id, id) on delete cascade,
  foreign key (organization_id, service_id) references public.services (organization_id, id) on delete cascade
);
create index technician_services_service_idx on public.technician_services (service_id);
create index technician_services_org_idx on public.technician_services (organization_id);

-- New technicians start with Monday to Friday, 8 AM to 5 PM (the office changes it in Settings).
create function private.staff_default_hours()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.role = 'technician' and not exists (select 1 from public.working_hours w where w.staff_member_id = new.id) then
    insert into public.working_hours (organization_id, staff_member_id, weekday, starts_at, ends_at)
    select new.organization_id, new.id, d, time '08:00', time '17:00' from generate_series(1, 5) as d;
  end if;
  return null;
end
$$;
create trigger staff_default_hours after insert or update of role on public.staff_members
  for each row execute function private.staff_default_hours();
insert into public.working_hours (organization_id, staff_member_id, weekday, starts_at, ends_at)
select s.organization_id, s.id, d, time '08:00', time '17:00'
from public.staff_members s, generate_series(1, 5) as d
where s.role = 'technician';

-- Staff read availability; the office keeps it; a technician adds and removes their own time off.
-- Customers see none of it: they see free slots only (available_slots below).
alter table public.working_hours enable row level security;
alter table public.time_off enable row level security;
alter table public.technician_services enable row level security;
create policy "staff read working hours" on public.working_hours for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "office staff keep working hours" on public.working_hours for all to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "staff read time off" on public.time_off for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "office staff keep time off" on public.time_off for all to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "technicians add their own time off" on public.time_off for insert to authenticated
  with check (staff_member_id = any (array(select public.my_staff_member_ids())));
create policy "technicians remove their own time off" on public.time_off for delete to authenticated
  using (staff_member_id = any (array(select public.my_staff_member_ids())));
create policy "staff read technician services" on public.technician_services for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "office staff keep technician services" on public.technician_services for all to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
grant select, insert, update, delete on public.working_hours, public.time_off, public.technician_services
  to authenticated, service_role;

-- One staff member's week, replaced in one transaction (as the caller: RLS decides who may).
create function public.set_working_hours(p_staff_member_id uuid, p_shifts jsonb)
returns setof public.working_hours
language plpgsql
set search_path = ''
as $$
declare
  org uuid;
begin
  select s.organization_id into org from public.staff_members s where s.id = p_staff_member_id;
  if org is null then
    raise exception 'Staff member % not found', p_staff_member_id using errcode = 'PT404';
  end if;
  if not private.is_trusted_caller()
     and not org = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))) then
    raise exception 'Only the office may change working hours' using errcode = '42501';
  end if;
  if p_shifts is null or jsonb_typeof(p_shifts) <> 'array' or jsonb_array_length(p_shifts) > 28 then
    raise exception 'Shifts must be a list of at most 28 {weekday, starts_at, ends_at}' using errcode = '22023';
  end if;
  delete from public.working_hours w where w.staff_member_id = p_staff_member_id;
  return query
    insert into public.working_hours (organization_id, staff_member_id, weekday, starts_at, ends_at)
    select org, p_staff_member_id, (x ->> 'weekday')::smallint, (x ->> 'starts_at')::time, (x ->> 'ends_at')::time
    from jsonb_array_elements(p_shifts) as x
    returning *;
end
$$;
revoke all on function public.set_working_hours(uuid, jsonb) from public, anon;
grant execute on function public.set_working_hours(uuid, jsonb) to authenticated, service_role;

-- Jobs: clear errors for what no calendar should accept. Runs as the caller, so the rpc functions
-- (which check for themselves), the seed and the service role may write history.
create function private.jobs_validate()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  zone text;
  times_changed boolean := tg_op = 'INSERT'
    or new.scheduled_start is distinct from old.scheduled_start
    or new.scheduled_end is distinct from old.scheduled_end;
begin
  if new.scheduled_end <= new.scheduled_start then
    raise exception 'The end must be after the start' using errcode = '22023';
  end if;
  if new.scheduled_end - new.scheduled_start > interval '24 hours' then
    raise exception 'A job can last at most 24 hours' using errcode = '22023';
  end if;
  if not private.is_end_user() then
    return new;
  end if;
  select o.timezone into zone from public.organizations o where o.id = new.organization_id;
  if times_changed and new.status not in ('completed', 'cancelled')
     and new.scheduled_start < (date_trunc('day', now() at time zone zone) at time zone zone) then
    raise exception 'A job cannot be scheduled in the past' using errcode = '22023',
      hint = 'Pick today or a later day.';
  end if;
  if new.technician_id is not null and (tg_op = 'INSERT' or new.technician_id is distinct from old.technician_id)
     and not exists (select 1 from public.staff_members s
                     where s.id = new.technician_id and s.organization_id = new.organization_id and s.active) then
    raise exception 'Technician % is not an active member of this business', new.technician_id using errcode = '22023';
  end if;
  if new.service_id is not null and (tg_op = 'INSERT' or new.service_id is distinct from old.service_id)
     and not exists (select 1 from public.services s
                     where s.id = new.service_id and s.organization_id = new.organization_id) then
    raise exception 'Service % is not offered by this business', new.service_id using errcode = '22023';
  end if;
  return new;
end
$$;
create trigger jobs_a_validate before insert or update on public.jobs
  for each row execute function private.jobs_validate();

-- One grid of candidate starts per technician shift (every booking_slot_step_minutes from the
-- shift's start, ending inside the shift), minus what overlaps a job (with the buffer around it)
-- or time off. Every technician qualified for the service (or all, without a service) counts.
-- Jobs last at most a day, which bounds the overlap lookup to an index range.
create function private.open_slots(
  p_organization_id uuid,
  p_service_id uuid,
  p_minutes integer,
  p_from timestamptz,
  p_to timestamptz,
  p_exclude_job_id uuid default null,
  p_only_start timestamptz default null
)
returns table (starts_at timestamptz, technician_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  with org as (
    select o.timezone as tz, make_interval(mins => o.booking_buffer_minutes) as buffer,
           make_interval(mins => o.booking_slot_step_minutes) as step, make_interval(mins => p_minutes) as length
    from public.organizations o where o.id = p_organization_id
  ),
  techs as (
    select s.id from public.staff_members s
    where s.organization_id = p_organization_id and s.active
      and (p_service_id is null
           or not exists (select 1 from public.technician_services ts where ts.staff_member_id = s.id)
           or exists (select 1 from public.technician_services ts
                      where ts.staff_member_id = s.id and ts.service_id = p_service_id))
  ),
  shifts as (
    select w.staff_member_id,
           (d.day + w.starts_at) at time zone org.tz as shift_start,
           (d.day + w.ends_at) at time zone org.tz as shift_end
    from org
    cross join lateral generate_series((p_from at time zone org.tz)::date::timestamp,
                                       (p_to at time zone org.tz)::date::timestamp, interval '1 day') as g(at)
    cross join lateral (select g.at::date as day) as d
    join public.working_hours w on w.weekday = extract(dow from d.day)
    where w.organization_id = p_organization_id and w.staff_member_id in (select id from techs)
  ),
  candidates as (
    select s.staff_member_id, c.at as starts_at
    from shifts s
    cross join org
    cross join lateral generate_series(s.shift_start, s.shift_end - org.length, org.step) as c(at)
    where c.at >= p_from and c.at < p_to
      and (p_only_start is null or c.at = p_only_start)
  )
  select c.starts_at, c.staff_member_id
  from candidates c
  cross join org
  where not exists (
      select 1 from public.jobs j
      where j.technician_id = c.staff_member_id
        and j.status <> 'cancelled'
        and j.id is distinct from p_exclude_job_id
        and j.scheduled_start > c.starts_at - org.buffer - interval '24 hours'
        and j.scheduled_start < c.starts_at + org.length + org.buffer
        and j.scheduled_end > c.starts_at - org.buffer)
    and not exists (
      select 1 from public.time_off t
      where t.staff_member_id = c.staff_member_id
        and t.starts_at < c.starts_at + org.length
        and t.ends_at > c.starts_at)
$$;

-- The service a caller may book or look up: customers only what is bookable online in their own
-- business; staff any service of theirs. Anything else is "not found".
create function private.bookable_service(p_service_id uuid, out service public.services, out as_customer boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  select * into service from public.services s where s.id = p_service_id and s.active;
  as_customer := service.id is not null and not public.is_staff_of(service.organization_id);
  if service.id is null
     or (as_customer and (service.organization_id is distinct from public.my_customer_organization_id()
                          or not service.bookable_online)) then
    raise exception 'Service % is not available for booking', p_service_id using errcode = 'PT404';
  end if;
  if as_customer and not (select o.online_booking from public.organizations o where o.id = service.organization_id) then
    raise exception 'Online booking is turned off; please call or message us to book' using errcode = 'P0001';
  end if;
end
$$;

-- The window customers may book in: from now plus the lead time to the horizon.
create function private.booking_window(p_organization_id uuid, out opens timestamptz, out closes timestamptz)
language sql
stable
set search_path = ''
as $$
  select now() + make_interval(hours => o.booking_lead_hours), now() + make_interval(days => o.booking_horizon_days)
  from public.organizations o where o.id = p_organization_id
$$;

/* Free start times for a service from p_from for p_days days (at most 62), each with how many
   technicians could take it. Customers see their business's online window only; staff see every
   free time from now on. p_job_id: a job being rescheduled, whose own time does not count as
   taken (and whose length is used). */
create function public.available_slots(
  p_service_id uuid,
  p_from timestamptz default now(),
  p_days integer default 14,
  p_job_id uuid default null
)
returns table (starts_at timestamptz, ends_at timestamptz, technicians integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  svc record;
  job public.jobs;
  minutes integer;
  win record;
  lower_bound timestamptz;
  upper_bound timestamptz;
begin
  if p_days is null or p_days not between 1 and 62 then
    raise exception 'p_days must be between 1 and 62' using errcode = '22023';
  end if;
  select * into svc from private.bookable_service(p_service_id);
  minutes := (svc.service).duration_minutes;
  if p_job_id is not null then
    select * into job from public.jobs j where j.id = p_job_id;
    if job.id is null or job.organization_id <> (svc.service).organization_id
       or (svc.as_customer and job.customer_id is distinct from public.my_customer_id()) then
      raise exception 'Job % not found', p_job_id using errcode = 'PT404';
    end if;
    minutes := extract(epoch from job.scheduled_end - job.scheduled_start)::integer / 60;
  end if;
  select * into win from private.booking_window((svc.service).organization_id);
  lower_bound := greatest(coalesce(p_from, now()), case when svc.as_customer then win.opens else now() end);
  upper_bound := coalesce(p_from, now()) + make_interval(days => p_days);
  if svc.as_customer then
    upper_bound := least(upper_bound, win.closes);
  end if;
  if upper_bound <= lower_bound then
    return;
  end if;
  return query
    select o.starts_at, o.starts_at + make_interval(mins => minutes), count(*)::integer
    from private.open_slots((svc.service).organization_id, (svc.service).id, minutes, lower_bound, upper_bound, p_job_id) o
    group by o.starts_at
    order by o.starts_at;
end
$$;
revoke all on function public.available_slots(uuid, timestamptz, integer, uuid) from public, anon;
grant execute on function public.available_slots(uuid, timestamptz, integer, uuid) to authenticated, service_role;

-- Serializes every booking of one organization: the free-slot check and the insert see the same
-- world. Transaction-scoped, so it ends with the booking's transaction.
create function private.lock_bookings(p_organization_id uuid)
returns void
language sql
set search_path = ''
as $$
  select pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('bookings:' || p_organization_id::text, 0))
$$;

-- Of the technicians free at a start, the one with the fewest jobs that day (then by name).
create function private.pick_technician(
  p_organization_id uuid, p_service_id uuid, p_minutes integer, p_start timestamptz, p_exclude_job_id uuid,
  p_prefer uuid default null
)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select o.technician_id
  from private.open_slots(p_organization_id, p_service_id, p_minutes, p_start, p_start + interval '1 second',
                          p_exclude_job_id, p_start) o
  join public.staff_members s on s.id = o.technician_id
  cross join lateral (
    select count(*) as jobs from public.jobs j
    where j.technician_id = o.technician_id and j.status <> 'cancelled'
      and j.scheduled_start >= p_start - interval '12 hours' and j.scheduled_start < p_start + interval '12 hours'
  ) as load
  order by (o.technician_id = p_prefer) desc nulls last, load.jobs, s.full_name, s.id
  limit 1
$$;

create function private.assert_bookable_time(p_organization_id uuid, p_start timestamptz)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  win record;
begin
  if p_start is null then
    raise exception 'Pick a time' using errcode = '22023';
  end if;
  select * into win from private.booking_window(p_organization_id);
  if p_start < win.opens then
    raise exception 'That time is too soon to book online' using errcode = '22023',
      hint = 'Pick a time at least ' || (select o.booking_lead_hours from public.organizations o where o.id = p_organization_id)
             || ' hours from now.';
  end if;
  if p_start > win.closes then
    raise exception 'That time is too far ahead to book online' using errcode = '22023';
  end if;
end
$$;

/* The signed-in customer books a service at a free start time (one of available_slots). The job
   is `requested` for the office to accept, or `scheduled` when the business books instantly; a
   technician who is free is assigned either way, so the slot is held. When the time was taken
   meanwhile: 23P01 (HTTP 409), nothing saved. Sending the same booking twice returns the first. */
create function public.book_appointment(
  p_service_id uuid, p_starts_at timestamptz, p_property_id uuid default null, p_notes text default null
)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  svc record;
  me public.customers;
  place public.properties;
  tech uuid;
  result public.jobs;
  org public.organizations;
begin
  select * into me from public.customers c where c.id = public.my_customer_id();
  if me.id is null then
    raise exception 'Only a signed-in customer can book online' using errcode = '42501';
  end if;
  if me.archived_at is not null then
    raise exception 'Your account is closed for new bookings; please call us' using errcode = 'P0001';
  end if;
  select * into svc from private.bookable_service(p_service_id);
  if (svc.service).organization_id <> me.organization_id then
    raise exception 'Service % is not available for booking', p_service_id using errcode = 'PT404';
  end if;
  if length(coalesce(p_notes, '')) > 2000 then
    raise exception 'The notes are too long (at most 2000 characters)' using errcode = '22023';
  end if;
  if p_property_id is null then
    select * into place from public.properties p where p.customer_id = me.id and p.is_primary and p.archived_at is null;
  else
    select * into place from public.properties p where p.id = p_property_id and p.customer_id = me.id and p.archived_at is null;
    if place.id is null then
      raise exception 'Property % not found', p_property_id using errcode = 'PT404';
    end if;
  end if;
  perform private.assert_bookable_time(me.organization_id, p_starts_at);

  perform private.lock_bookings(me.organization_id);
  select * into result from public.jobs j
  where j.customer_id = me.id and j.service_id = p_service_id and j.scheduled_start = p_starts_at
    and j.status <> 'cancelled';
  if result.id is not null then
    return result;
  end if;
  tech := private.pick_technician(me.organization_id, p_service_id, (svc.service).duration_minutes, p_starts_at, null);
  if tech is null then
    raise exception 'Sorry, that time was just taken' using errcode = '23P01',
      hint = 'Pick another time: the list of free times is up to date now.';
  end if;
  select * into org from public.organizations o where o.id = me.organization_id;
  insert into public.jobs (organization_id, customer_id, service_id, technician_id, property_id, title, status,
                           scheduled_start, scheduled_end, price_cents, notes)
  values (me.organization_id, me.id, p_service_id, tech, place.id, (svc.service).name,
          case when org.instant_booking then 'scheduled' else 'requested' end::public.job_status,
          p_starts_at, p_starts_at + make_interval(mins => (svc.service).duration_minutes),
          (svc.service).base_price_cents, nullif(btrim(coalesce(p_notes, '')), ''))
  returning * into result;
  return result;
end
$$;
revoke all on function public.book_appointment(uuid, timestamptz, uuid, text) from public, anon;
grant execute on function public.book_appointment(uuid, timestamptz, uuid, text) to authenticated, service_role;

/* The signed-in customer moves their appointment to a free start time, within the business's
   policy (online rescheduling allowed, the notice period). The technician stays when free; the
   job goes back to `requested` unless the business books instantly. */
create function public.reschedule_appointment(p_job_id uuid, p_starts_at timestamptz)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  locked record;
  job public.jobs;
  minutes integer;
  tech uuid;
  org public.organizations;
  result public.jobs;
begin
  select * into locked from private.lock_job_for_action(p_job_id);
  job := locked.job;
  if not locked.as_customer then
    raise exception 'Staff move jobs on the calendar' using errcode = '42501';
  end if;
  if job.status not in ('requested', 'scheduled', 'confirmed') then
    raise exception 'A % appointment cannot be rescheduled', job.status using errcode = 'P0001';
  end if;
  perform private.assert_customer_may_change(job, 'reschedule', true);
  perform private.assert_bookable_time(job.organization_id, p_starts_at);
  if p_starts_at = job.scheduled_start then
    return job;
  end if;
  minutes := extract(epoch from job.scheduled_end - job.scheduled_start)::integer / 60;
  perform private.lock_bookings(job.organization_id);
  tech := private.pick_technician(job.organization_id, job.service_id, minutes, p_starts_at, job.id, job.technician_id);
  if tech is null then
    raise exception 'Sorry, that time was just taken' using errcode = '23P01',
      hint = 'Pick another time: the list of free times is up to date now.';
  end if;
  select * into org from public.organizations o where o.id = job.organization_id;
  update public.jobs j
  set scheduled_start = p_starts_at,
      scheduled_end = p_starts_at + make_interval(mins => minutes),
      technician_id = tech,
      status = case when org.instant_booking then 'scheduled' else 'requested' end::public.job_status,
      confirmed_at = null
  where j.id = job.id
  returning * into result;
  return result;
end
$$;
revoke all on function public.reschedule_appointment(uuid, timestamptz) from public, anon;
grant execute on function public.reschedule_appointment(uuid, timestamptz) to authenticated, service_role;

/* What is wrong with putting a job on a technician's calendar at a time, for the dispatcher to see
   before saving: overlapping jobs, hours outside the technician's shifts, time off. Runs as the
   caller (RLS): staff see their business's conflicts, anyone else sees none. */
create function public.schedule_conflicts(
  p_technician_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_job_id uuid default null
)
returns table (kind text, message text, job_id uuid)
language sql
stable
set search_path = ''
as $$
  with tech as (
    select s.id, s.full_name, s.organization_id, o.timezone as tz
    from public.staff_members s join public.organizations o on o.id = s.organization_id
    where s.id = p_technician_id and public.is_staff_of(s.organization_id)
  ),
  local_day as (
    select (p_starts_at at time zone tech.tz)::date as day from tech
  )
  select 'overlap', format('Overlaps %s (%s–%s)', j.title,
                           to_char(j.scheduled_start at time zone tech.tz, 'FMHH12:MI AM'),
                           to_char(j.scheduled_end at time zone tech.tz, 'FMHH12:MI AM')), j.id
  from tech join public.jobs j on j.technician_id = tech.id
  where j.status <> 'cancelled' and j.id is distinct from p_job_id
    and j.scheduled_start > p_starts_at - interval '24 hours'
    and j.scheduled_start < p_ends_at and j.scheduled_end > p_starts_at
  union all
  select 'outside_hours',
         case when not exists (select 1 from public.working_hours w, local_day
                               where w.staff_member_id = tech.id and w.weekday = extract(dow from local_day.day))
              then format('%s does not work on %ss', tech.full_name, to_char((select day from local_day), 'FMDay'))
              else format('Outside %s''s working hours', tech.full_name) end,
         null::uuid
  from tech, local_day
  where not exists (
    select 1 from public.working_hours w
    where w.staff_member_id = tech.id and w.weekday = extract(dow from local_day.day)
      and (local_day.day + w.starts_at) at time zone tech.tz <= p_starts_at
      and (local_day.day + w.ends_at) at time zone tech.tz >= p_ends_at
  )
  union all
  select 'time_off', format('%s is off%s', tech.full_name, coalesce(': ' || t.reason, '')), null::uuid
  from tech join public.time_off t on t.staff_member_id = tech.id
  where t.starts_at < p_ends_at and t.ends_at > p_starts_at
$$;
revoke all on function public.schedule_conflicts(uuid, timestamptz, timestamptz, uuid) from public, anon;
grant execute on function public.schedule_conflicts(uuid, timestamptz, timestamptz, uuid) to authenticated, service_role;

-- Staff hear of online bookings and of customers moving their appointments (bell and toast).
create function private.notify_staff_of_booking()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select public.my_customer_id()) is distinct from new.customer_id then
    return null;
  end if;
  perform private.notify_staff(
    new.organization_id, new.customer_id, 'booking_requested', 'jobs', new.id,
    format('%s booked %s on %s', private.customer_display_name(new.customer_id), new.title,
           private.org_time(new.organization_id, new.scheduled_start)),
    new.notes, new.technician_id);
  return null;
end
$$;
create trigger notify_staff_of_booking after insert on public.jobs
  for each row execute function private.notify_staff_of_booking();

create or replace function private.notify_staff_of_job_change()
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
  elsif new.scheduled_start is distinct from old.scheduled_start then
    kind := 'job_rescheduled';
    title := format('%s moved %s to %s', who, new.title, private.org_time(new.organization_id, new.scheduled_start));
    body := format('It was on %s', private.org_time(new.organization_id, old.scheduled_start));
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

-- Availability changes reach open calendars through the change feed.
create trigger record_change after insert or update or delete on public.working_hours
  for each row execute function private.record_change();
create trigger record_change after insert or update or delete on public.time_off
  for each row execute function private.record_change();

-- The helpers run inside the rpc functions above (as their owner) and from triggers only.
revoke all on function
  private.open_slots(uuid, uuid, integer, timestamptz, timestamptz, uuid, timestamptz),
  private.bookable_service(uuid),
  private.booking_window(uuid),
  private.lock_bookings(uuid),
  private.pick_technician(uuid, uuid, integer, timestamptz, uuid, uuid),
  private.assert_bookable_time(uuid, timestamptz),
  private.staff_default_hours(),
  private.jobs_validate(),
  private.notify_staff_of_booking(),
  private.working_hours_no_overlap()
from public, anon, authenticated, service_role;
