-- "Not found" from the rpc functions answers HTTP 404 instead of 500: they raise SQLSTATE PT404,
-- which PostgREST (and the local stack) turns into status 404 with the message, details and hint
-- as raised. The message stays the same for a row that does not exist and for one the caller may
-- not see, so nothing leaks across customers or organizations. P0002, used before, is in the
-- PL/pgSQL error class PostgREST answers with 500. Nothing else in these functions changes.

create or replace function private.authorize_customer(
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
  raise exception 'Customer % not found', p_customer_id using errcode = 'PT404';
end
$$;

create or replace function public.redeem_points(p_customer_id uuid, p_reward_id uuid)
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
    raise exception 'Reward % not found', p_reward_id using errcode = 'PT404';
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

create or replace function public.provision_portal_user(p_customer_id uuid, p_user_id uuid)
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
      raise exception 'User % not found', p_user_id using errcode = 'PT404';
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

create or replace function private.lock_job_for_action(p_job_id uuid, out job public.jobs, out as_customer boolean)
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
    raise exception 'Job % not found', p_job_id using errcode = 'PT404';
  end if;
  as_customer := not private.is_trusted_caller()
    and not public.can_manage_org(job.organization_id);
  if as_customer and job.customer_id is distinct from public.my_customer_id() then
    -- Same answer as a job that does not exist.
    raise exception 'Job % not found', p_job_id using errcode = 'PT404';
  end if;
end
$$;
