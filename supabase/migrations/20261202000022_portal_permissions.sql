-- What customers may do online is the business's choice: confirm, ask to reschedule, cancel.
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
