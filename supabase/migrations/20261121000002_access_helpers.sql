-- Who is calling: helpers used by the RLS policies and the rpc functions. They are
-- security definer (they read staff_members/customers without recursing into their policies),
-- stable, and have an empty search_path, so every name is schema-qualified.

-- The customer row linked to the signed-in portal user (null for staff and strangers).
create function public.my_customer_id()
returns uuid
language sql
security definer
stable
set search_path = ''
as $$
  select c.id from public.customers c where c.portal_user_id = (select auth.uid())
$$;

-- Organizations where the signed-in user is active staff, optionally only in some roles.
-- Policies use it as `organization_id in (select public.my_staff_organization_ids(...))`,
-- which the planner evaluates once per statement.
create function public.my_staff_organization_ids(p_roles public.staff_role[] default null)
returns setof uuid
language sql
security definer
stable
rows 3
set search_path = ''
as $$
  select s.organization_id
  from public.staff_members s
  where s.user_id = (select auth.uid())
    and s.active
    and (p_roles is null or s.role = any (p_roles))
$$;

create function public.is_staff_of(org uuid)
returns boolean
language sql
security definer
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.staff_members s
    where s.organization_id = org and s.user_id = (select auth.uid()) and s.active
  )
$$;

-- The signed-in user's role in an organization (null when not active staff there).
create function public.staff_role_in(org uuid)
returns public.staff_role
language sql
security definer
stable
set search_path = ''
as $$
  select s.role from public.staff_members s
  where s.organization_id = org and s.user_id = (select auth.uid()) and s.active
$$;

-- The signed-in user's staff row in an organization (for author columns).
create function public.my_staff_member_id(org uuid)
returns uuid
language sql
security definer
stable
set search_path = ''
as $$
  select s.id from public.staff_members s
  where s.organization_id = org and s.user_id = (select auth.uid()) and s.active
$$;

-- The signed-in user's active staff rows in every organization (technician assignment).
create function public.my_staff_member_ids()
returns setof uuid
language sql
security definer
stable
rows 3
set search_path = ''
as $$
  select s.id from public.staff_members s where s.user_id = (select auth.uid()) and s.active
$$;

-- Staff who may write customer-facing data (owner, admin, office).
create function public.can_manage_org(org uuid)
returns boolean
language sql
security definer
stable
set search_path = ''
as $$
  select coalesce(public.staff_role_in(org) in ('owner', 'admin', 'office'), false)
$$;

-- The organization of the signed-in portal customer.
create function public.my_customer_organization_id()
returns uuid
language sql
security definer
stable
set search_path = ''
as $$
  select c.organization_id from public.customers c where c.portal_user_id = (select auth.uid())
$$;

revoke execute on function
  public.my_customer_id(),
  public.my_staff_organization_ids(public.staff_role[]),
  public.is_staff_of(uuid),
  public.staff_role_in(uuid),
  public.my_staff_member_id(uuid),
  public.my_staff_member_ids(),
  public.can_manage_org(uuid),
  public.my_customer_organization_id()
from public, anon;

grant execute on function
  public.my_customer_id(),
  public.my_staff_organization_ids(public.staff_role[]),
  public.is_staff_of(uuid),
  public.staff_role_in(uuid),
  public.my_staff_member_id(uuid),
  public.my_staff_member_ids(),
  public.can_manage_org(uuid),
  public.my_customer_organization_id()
to authenticated, service_role;
