-- rpc functions for the portal and the CRM. Each checks who is calling before it acts and
-- answers "not found" for rows the caller may not see, so nothing leaks across customers.
-- Errors: 42501 not allowed, P0002 not found, 22023 bad input, P0001 rule broken (e.g. not
-- enough points, too late to cancel).

-- Access to one customer: the customer themselves (when p_allow_self), staff in p_roles of the
-- customer's organization, or a trusted caller. Returns the customer's organization.
create function private.authorize_customer(
  p_customer_id uuid, p_allow_self boolean, p_roles public.staff_role[]
)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  cust record;
  role public.staff_role;
begin
  if p_customer_id is null then
    raise exception 'A customer id is required' using errcode = '22023';
  end if;
  select c.id, c.organization_id, c.portal_user_id into cust from public.customers c where c.id = p_customer_id;
  if found then
    if private.is_trusted_caller() then
      return cust.organization_id;
    end if;
    if p_allow_self and cust.portal_user_id = (select auth.uid()) then
      return cust.organization_id;
    end if;
    role := public.staff_role_in(cust.organization_id);
    if role = any (p_roles) then
      return cust.organization_id;
    end if;
    if role is not null then
      raise exception 'Your role (%) may not do this', role using errcode = '42501';
    end if;
  end if;
  raise exception 'Customer % not found', p_customer_id using errcode = 'P0002';
end
$$;

create function public.loyalty_balance(p_customer_id uuid)
returns integer
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.authorize_customer(p_customer_id, true, array['owner', 'admin', 'office', 'technician']::public.staff_role[]);
  return (select coalesce(sum(t.points), 0)::integer from public.loyalty_transactions t where t.customer_id = p_customer_id);
end
$$;

-- Redeem a reward from the catalogue: the balance check and the debit happen in this
-- transaction under a row lock on the customer (see loyalty_transactions_check_balance).
create function public.redeem_points(p_customer_id uuid, p_reward_id uuid)
returns public.loyalty_transactions
language plpgsql
security definer
set search_path = ''
as $$
declare
  org uuid;
  reward public.loyalty_rewards;
  result public.loyalty_transactions;
begin
  org := private.authorize_customer(p_customer_id, true, array['owner', 'admin', 'office']::public.staff_role[]);
  select * into reward from public.loyalty_rewards r where r.id = p_reward_id and r.organization_id = org;
  if not found then
    raise exception 'Reward % not found', p_reward_id using errcode = 'P0002';
  end if;
  if not reward.active then
    raise exception 'The reward "%" is no longer offered', reward.name using errcode = 'P0001';
  end if;
  insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description, reward_id)
  values (org, p_customer_id, -reward.points_cost, 'redeemed', format('Redeemed: %s', reward.name), reward.id)
  returning * into result;
  return result;
end
$$;

-- Redeem a number of points (e.g. as a discount).
create function public.redeem_points(p_customer_id uuid, p_points integer, p_description text default null)
returns public.loyalty_transactions
language plpgsql
security definer
set search_path = ''
as $$
declare
  org uuid;
  result public.loyalty_transactions;
begin
  org := private.authorize_customer(p_customer_id, true, array['owner', 'admin', 'office']::public.staff_role[]);
  if p_points is null or p_points <= 0 then
    raise exception 'Points to redeem must be a positive whole number' using errcode = '22023';
  end if;
  if length(coalesce(p_description, '')) > 500 then
    raise exception 'The description is too long (at most 500 characters)' using errcode = '22023';
  end if;
  insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description)
  values (org, p_customer_id, -p_points, 'redeemed', coalesce(nullif(btrim(p_description), ''), 'Points redeemed'))
  returning * into result;
  return result;
end
$$;

-- Sent invoices past their due date become overdue. Runs with the caller's rights, so staff
-- mark only their own organizations' invoices; the service role (cron) marks all.
create function public.mark_overdue_invoices()
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  n integer;
begin
  update public.invoices set status = 'overdue' where status = 'sent' and due_at < now();
  get diagnostics n = row_count;
  return n;
end
$$;

-- Link (or with p_user_id null, unlink) a customer's portal login. Office staff only.
create function public.provision_portal_user(p_customer_id uuid, p_user_id uuid)
returns public.customers
language plpgsql
security definer
set search_path = ''
as $$
declare
  result public.customers;
  other uuid;
begin
  perform private.authorize_customer(p_customer_id, false, array['owner', 'admin', 'office']::public.staff_role[]);
  if p_user_id is not null then
    if not exists (select 1 from auth.users u where u.id = p_user_id) then
      raise exception 'User % not found', p_user_id using errcode = 'P0002';
    end if;
    select c.id into other from public.customers c where c.portal_user_id = p_user_id and c.id <> p_customer_id;
    if found then
      raise exception 'This login is already linked to another customer' using errcode = '23505';
    end if;
  end if;
  update public.customers c set portal_user_id = p_user_id where c.id = p_customer_id returning * into result;
  return result;
end
$$;

-- Locks a job for a customer-facing action and says whether the caller acts as its customer.
create function private.lock_job_for_action(p_job_id uuid, out job public.jobs, out as_customer boolean)
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_job_id is null then
    raise exception 'A job id is required' using errcode = '22023';
  end if;
  select * into job from public.jobs j where j.id = p_job_id for update;
  if not found then
    raise exception 'Job % not found', p_job_id using errcode = 'P0002';
  end if;
  as_customer := not private.is_trusted_caller()
    and not public.can_manage_org(job.organization_id);
  if as_customer and job.customer_id is distinct from public.my_customer_id() then
    -- Same answer as a job that does not exist.
    raise exception 'Job % not found', p_job_id using errcode = 'P0002';
  end if;
end
$$;

-- Customers act online only on upcoming jobs, and change or cancel them only before the
-- organization's notice period.
create function private.assert_customer_may_change(job public.jobs, p_action text, p_needs_notice boolean)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  notice integer;
begin
  if job.scheduled_start <= now() then
    raise exception 'This appointment has already started; please call us to %', p_action using errcode = 'P0001';
  end if;
  if p_needs_notice then
    select o.cancellation_notice_hours into notice from public.organizations o where o.id = job.organization_id;
    if job.scheduled_start < now() + make_interval(hours => notice) then
      raise exception 'Appointments can be changed online up to % hours before the start; please call us to %',
        notice, p_action using errcode = 'P0001';
    end if;
  end if;
end
$$;

create function public.confirm_job(p_job_id uuid)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  locked record;
  result public.jobs;
begin
  select * into locked from private.lock_job_for_action(p_job_id);
  if (locked.job).status = 'confirmed' then
    return locked.job;
  end if;
  if (locked.job).status not in ('requested', 'scheduled') then
    raise exception 'A % appointment cannot be confirmed', (locked.job).status using errcode = 'P0001';
  end if;
  if locked.as_customer then
    perform private.assert_customer_may_change(locked.job, 'confirm', false);
  end if;
  update public.jobs j set status = 'confirmed', confirmed_at = now() where j.id = p_job_id returning * into result;
  return result;
end
$$;

create function public.request_reschedule(p_job_id uuid, p_preferred_times jsonb, p_note text default null)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  locked record;
  result public.jobs;
  item jsonb;
begin
  select * into locked from private.lock_job_for_action(p_job_id);
  if (locked.job).status not in ('requested', 'scheduled', 'confirmed') then
    raise exception 'A % appointment cannot be rescheduled', (locked.job).status using errcode = 'P0001';
  end if;
  if p_preferred_times is null or jsonb_typeof(p_preferred_times) <> 'array'
     or jsonb_array_length(p_preferred_times) not between 1 and 10 then
    raise exception 'Preferred times must be a list of 1 to 10 date-times' using errcode = '22023';
  end if;
  for item in select value from jsonb_array_elements(p_preferred_times) loop
    if jsonb_typeof(item) <> 'string' or not pg_catalog.pg_input_is_valid(item #>> '{}', 'timestamptz') then
      raise exception 'Preferred time % is not a date-time', item using errcode = '22023';
    end if;
    if (item #>> '{}')::timestamptz <= now() then
      raise exception 'Preferred time % is in the past', item #>> '{}' using errcode = '22023';
    end if;
  end loop;
  if length(coalesce(p_note, '')) > 2000 then
    raise exception 'The note is too long (at most 2000 characters)' using errcode = '22023';
  end if;
  if locked.as_customer then
    perform private.assert_customer_may_change(locked.job, 'reschedule', true);
  end if;
  update public.jobs j
  set reschedule_requested_at = now(),
      reschedule_preferred_times = p_preferred_times,
      reschedule_note = nullif(btrim(coalesce(p_note, '')), '')
  where j.id = p_job_id
  returning * into result;
  return result;
end
$$;

create function public.cancel_job(p_job_id uuid, p_reason text default null)
returns public.jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  locked record;
  result public.jobs;
begin
  select * into locked from private.lock_job_for_action(p_job_id);
  if (locked.job).status = 'cancelled' then
    return locked.job;
  end if;
  if (locked.job).status = 'completed'
     or (locked.as_customer and (locked.job).status not in ('requested', 'scheduled', 'confirmed')) then
    raise exception 'A % appointment cannot be cancelled', (locked.job).status using errcode = 'P0001';
  end if;
  if length(coalesce(p_reason, '')) > 2000 then
    raise exception 'The reason is too long (at most 2000 characters)' using errcode = '22023';
  end if;
  if locked.as_customer then
    perform private.assert_customer_may_change(locked.job, 'cancel', true);
  end if;
  update public.jobs j
  set status = 'cancelled', cancelled_at = now(), cancellation_reason = nullif(btrim(coalesce(p_reason, '')), '')
  where j.id = p_job_id
  returning * into result;
  return result;
end
$$;

-- Keeps the change feed short; run from cron with the service role.
create function public.prune_realtime_table_events(p_older_than interval default interval '7 days')
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  n integer;
begin
  if p_older_than is null or p_older_than < interval '0' then
    raise exception 'p_older_than must be a non-negative interval' using errcode = '22023';
  end if;
  delete from public.realtime_table_events e where e.created_at < now() - p_older_than;
  get diagnostics n = row_count;
  return n;
end
$$;

revoke execute on function
  public.loyalty_balance(uuid),
  public.redeem_points(uuid, uuid),
  public.redeem_points(uuid, integer, text),
  public.mark_overdue_invoices(),
  public.provision_portal_user(uuid, uuid),
  public.confirm_job(uuid),
  public.request_reschedule(uuid, jsonb, text),
  public.cancel_job(uuid, text),
  public.prune_realtime_table_events(interval)
from public, anon;

grant execute on function
  public.loyalty_balance(uuid),
  public.redeem_points(uuid, uuid),
  public.redeem_points(uuid, integer, text),
  public.mark_overdue_invoices(),
  public.provision_portal_user(uuid, uuid),
  public.confirm_job(uuid),
  public.request_reschedule(uuid, jsonb, text),
  public.cancel_job(uuid, text)
to authenticated, service_role;

revoke execute on function public.prune_realtime_table_events(interval) from authenticated;
grant execute on function public.prune_realtime_table_events(interval) to service_role;
revoke all on all functions in schema private from public, anon;
grant execute on all functions in schema private to authenticated, service_role;
