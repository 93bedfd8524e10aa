-- A business starts on its own: the owner signs up and create_organization() makes the business
-- and their owner membership in one transaction (no half-made business can exist); owners and
-- admins then invite staff by e-mail, and the invitation is accepted on first sign-in.

-- What customers see about the business, and how it counts money.
alter table public.organizations
  add column country_code text not null default 'US' check (country_code ~ '^[A-Z]{2}$'),
  add column currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  add column phone text check (length(phone) <= 40),
  add column email text check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  add column address text check (length(address) <= 500);

-- An invited member has invited_at and no joined_at until they first sign in through the link.
alter table public.staff_members
  add column invited_at timestamptz,
  add column joined_at timestamptz;

-- The staff column guard gains a rule: logins are linked to staff rows only by the server (an
-- invitation, through the service role) or by create_organization(), so an owner or admin typing
-- another user's id cannot make them staff.
create or replace function private.staff_members_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  org uuid := coalesce(new.organization_id, old.organization_id);
begin
  if private.is_end_user()
     and ((tg_op <> 'INSERT' and old.role = 'owner') or (tg_op <> 'DELETE' and new.role = 'owner'))
     and public.staff_role_in(org) is distinct from 'owner' then
    raise exception 'Only an owner may add, change or remove an owner' using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if private.is_end_user()
     and new.user_id is not null
     and (tg_op = 'INSERT' or new.user_id is distinct from old.user_id) then
    raise exception 'A staff login is linked by invitation' using errcode = '42501';
  end if;
  return new;
end
$$;

-- "sparkle-hvac", or "sparkle-hvac-2" when taken.
create function private.free_organization_slug(p_name text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  base text := btrim(left(btrim(regexp_replace(lower(coalesce(p_name, '')), '[^a-z0-9]+', '-', 'g'), '-'), 50), '-');
  candidate text;
  n integer := 1;
begin
  if base = '' then
    base := 'business';
  end if;
  candidate := base;
  while exists (select 1 from public.organizations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end
$$;

-- The signed-in user founds a business and becomes its owner.
create function public.create_organization(
  p_name text,
  p_timezone text,
  p_owner_name text,
  p_country_code text default 'US',
  p_currency text default 'USD',
  p_phone text default null,
  p_email text default null,
  p_address text default null
)
returns public.organizations
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  org public.organizations;
begin
  if uid is null then
    raise exception 'Sign in before creating a business' using errcode = '42501';
  end if;
  -- One founding per login at a time: a double submit waits here, then finds the first one.
  perform pg_advisory_xact_lock(hashtextextended('create_organization:' || uid::text, 0));
  if exists (select 1 from public.staff_members s where s.user_id = uid) then
    raise exception 'This login already belongs to a business' using errcode = '23505';
  end if;
  if exists (select 1 from public.customers c where c.portal_user_id = uid) then
    raise exception 'This is a customer portal login; sign up with another e-mail address' using errcode = '42501';
  end if;
  if p_owner_name is null or length(btrim(p_owner_name)) = 0 then
    raise exception 'Your name is required' using errcode = '23514';
  end if;

  insert into public.organizations (name, slug, timezone, country_code, currency, phone, email, address)
  values (
    btrim(p_name), private.free_organization_slug(p_name), p_timezone,
    upper(btrim(p_country_code)), upper(btrim(p_currency)),
    nullif(btrim(p_phone), ''), nullif(btrim(p_email), ''), nullif(btrim(p_address), ''))
  returning * into org;

  insert into public.staff_members (organization_id, user_id, full_name, email, role, joined_at)
  select org.id, uid, btrim(p_owner_name), u.email, 'owner', now()
  from auth.users u where u.id = uid;
  return org;
end
$$;

-- The invitee's first sign-in through the link: their pending memberships become joined.
create function public.accept_staff_invitation()
returns integer
language sql
security definer
set search_path = ''
as $$
  with joined as (
    update public.staff_members s set joined_at = now()
    where s.user_id = (select auth.uid()) and s.joined_at is null and s.active
    returning 1
  )
  select count(*)::integer from joined
$$;

revoke execute on function
  public.create_organization(text, text, text, text, text, text, text, text),
  public.accept_staff_invitation()
from public, anon;
grant execute on function
  public.create_organization(text, text, text, text, text, text, text, text),
  public.accept_staff_invitation()
to authenticated;
revoke execute on function
  private.free_organization_slug(text)
from public, anon, authenticated, service_role;
