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
