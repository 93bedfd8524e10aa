-- The business decides what customers may do online (confirm, ask to reschedule, cancel) and how
-- loyalty points are earned (per dollar and/or per job).
-- The portal hides what is off; the database refuses it all the same (the rpc functions'
-- customer check below), whatever the client.
alter table public.organizations
  add column customers_may_confirm boolean not null default true,
  add column customers_may_reschedule boolean not null default true,
  add column customers_may_cancel boolean not null default true;

create or replace function private.assert_customer_may_change(job public.jobs, p_action text, p_needs_notice boolean)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  org public.organizations;
begin
  select * into org from public.organizations o where o.id = job.organization_id;
  if (p_action = 'confirm' and not org.customers_may_confirm)
     or (p_action = 'reschedule' and not org.customers_may_reschedule)
     or (p_action = 'cancel' and not org.customers_may_cancel) then
    raise exception '% does not take this online; please call or message us to %', org.name, p_action
      using errcode = 'P0001';
  end if;
  if job.scheduled_start <= now() then
    raise exception 'This appointment has already started; please call us to %', p_action using errcode = 'P0001';
  end if;
  if p_needs_notice and job.scheduled_start < now() + make_interval(hours => org.cancellation_notice_hours) then
    raise exception 'Appointments can be changed online up to % hours before the start; please call us to %',
      org.cancellation_notice_hours, p_action using errcode = 'P0001';
  end if;
end
$$;

-- Loyalty: points per dollar of a completed job, plus (or instead) a flat number per job.
alter table public.organizations
  add column points_per_job integer not null default 0 check (points_per_job between 0 and 100000);

create or replace function private.jobs_award_points()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  org public.organizations;
  earned bigint;
begin
  if new.status <> 'completed' or (tg_op = 'UPDATE' and old.status = 'completed') then
    return null;
  end if;
  select * into org from public.organizations o where o.id = new.organization_id;
  earned := (new.price_cents::bigint * org.points_per_dollar) / 100 + org.points_per_job;
  if earned > 0 then
    insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description, job_id, created_by)
    values (new.organization_id, new.customer_id, least(earned, 2147483647)::integer, 'earned',
            format('Earned for %s', new.title), new.id, null)
    on conflict (job_id) where kind = 'earned' do nothing;
  end if;
  return null;
end
$$;
