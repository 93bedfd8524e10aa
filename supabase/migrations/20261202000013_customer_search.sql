-- Customer search that finds what staff type: a full name ("Alice Johnson"), any part of an
-- e-mail or city, or a phone number however it was typed ("5125550142" finds "(512) 555-0142").
-- Both columns are derived, so they can never disagree with the fields they come from, and
-- trigram indexes keep substring search fast on large customer lists.
create extension if not exists pg_trgm with schema extensions;

alter table public.customers
  add column search_text text generated always as (
    lower(
      coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' ||
      coalesce(city, '')
    )
  ) stored,
  add column phone_digits text generated always as (
    nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')
  ) stored;

comment on column public.customers.search_text is 'Lower-cased "first last email city", for search (generated).';
comment on column public.customers.phone_digits is 'The digits of phone, for search (generated).';

create index customers_search_text_trgm_idx on public.customers
  using gin (search_text extensions.gin_trgm_ops);
create index customers_phone_digits_trgm_idx on public.customers
  using gin (phone_digits extensions.gin_trgm_ops);

-- The search itself, for staff of the organization. Through RLS the indexes could not be used
-- (`like` is not leakproof, so PostgreSQL checks the policy on every row first), so this function
-- checks the caller the way the policy does and then searches with the indexes. Every word must
-- appear in the name, e-mail or city; phone-like input (digits, spaces, + - ( ) .) also matches
-- the phone's digits. Anyone else gets no rows. PostgREST filters, orders, pages and counts the
-- result like a table's.
create function public.search_customers(p_organization_id uuid, p_search text)
returns setof public.customers
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  query text := lower(btrim(coalesce(p_search, '')));
  words text[];
  digits text := regexp_replace(query, '[^0-9]', '', 'g');
  conditions text[] := '{}';
begin
  if p_organization_id is null
     or not (p_organization_id = any (array(select public.my_staff_organization_ids()))) then
    return;
  end if;
  -- LIKE patterns, with the user's own % _ and \ taken literally.
  select coalesce(array_agg('%' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'), '{}')
    into words
    from unnest(regexp_split_to_array(query, '\s+')) as w
   where w <> '';
  if cardinality(words) > 0 then
    conditions := conditions || (
      select '(' || string_agg(format('c.search_text like $2[%s]', i), ' and ') || ')'
        from generate_subscripts(words, 1) as i
    );
  end if;
  if length(digits) >= 3 and query ~ '^[0-9\s().+-]+$' then
    conditions := conditions || 'c.phone_digits like $3'::text;
  end if;
  -- Only bound values reach the statement; its text is built from fixed pieces.
  return query execute
    'select c.* from public.customers c where c.organization_id = $1'
    || case when cardinality(conditions) > 0 then ' and (' || array_to_string(conditions, ' or ') || ')' else '' end
    using p_organization_id, words, '%' || digits || '%';
end
$$;
revoke all on function public.search_customers(uuid, text) from public, anon;
grant execute on function public.search_customers(uuid, text) to authenticated, service_role;

-- A customer may still change only their contact details: the derived search columns follow
-- those (and nobody can write them directly), so the guard lets them differ.
create or replace function private.customers_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_end_user() then
    return new;
  end if;
  if new.portal_user_id is distinct from old.portal_user_id then
    raise exception 'The portal login is linked with provision_portal_user()' using errcode = '42501';
  end if;
  if not public.can_manage_org(old.organization_id) then
    perform private.assert_only_columns_changed(
      to_jsonb(old), to_jsonb(new),
      array['first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city',
            'region', 'postal_code', 'notification_preferences', 'search_text', 'phone_digits'],
      'customer record');
  end if;
  return new;
end
$$;
