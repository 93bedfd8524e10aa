-- Realtime Authorization: the broadcast and presence channels are private, and these RLS policies
-- on realtime.messages decide who may use them, as Supabase Realtime does it. When a client joins
-- a private channel, Realtime sets realtime.topic() to the channel name and, as the user, selects
-- (may receive / join) and inserts (may send / track) rows whose `extension` is 'broadcast' or
-- 'presence'. Without a matching policy the join is refused.
--
-- Topics (the names the clients in packages/realtime open):
--   typing:<customer id>              broadcast  the customer and staff of the customer's organization
--   presence:customer:<customer id>   presence   staff of the customer's organization ("also viewing")
--   presence:portal:<customer id>     presence   the customer tracks; their staff watch (receive only)
--   presence:org:<organization id>    presence   staff track; the organization's customers watch only,
--                                                so no customer ever learns another is online
-- Anything else (including any malformed topic) is denied, for every user; anon has no policy.

-- The uuid after `p_prefix` in `p_topic`, or null when the topic has another shape. The text is
-- checked before the cast, so a malformed topic yields null (deny) and never an error.
create function private.realtime_topic_uuid(p_topic text, p_prefix text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when starts_with(p_topic, p_prefix)
      and substr(p_topic, length(p_prefix) + 1)
        ~ '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
    then substr(p_topic, length(p_prefix) + 1)::uuid
  end
$$;

-- Whether the signed-in user may receive (`p_send` false) or send (`p_send` true) messages of
-- `p_extension` on `p_topic`. Security invoker: the who-is-calling helpers are definers already.
create function private.realtime_topic_allowed(p_topic text, p_extension text, p_send boolean)
returns boolean
language sql
stable
set search_path = ''
as $$
  with target as (
    select
      case
        when starts_with(p_topic, 'typing:') then 'typing'
        when starts_with(p_topic, 'presence:customer:') then 'customer'
        when starts_with(p_topic, 'presence:portal:') then 'portal'
        when starts_with(p_topic, 'presence:org:') then 'org'
      end as kind,
      coalesce(
        private.realtime_topic_uuid(p_topic, 'typing:'),
        private.realtime_topic_uuid(p_topic, 'presence:customer:'),
        private.realtime_topic_uuid(p_topic, 'presence:portal:'),
        private.realtime_topic_uuid(p_topic, 'presence:org:')
      ) as id
  ),
  access as (
    select
      t.kind,
      t.id,
      -- the topic's customer is the caller
      (t.kind in ('typing', 'customer', 'portal') and t.id = (select public.my_customer_id()))
        as is_customer,
      -- the topic's customer belongs to an organization where the caller is active staff
      (t.kind in ('typing', 'customer', 'portal') and exists (
        select 1 from public.customers c
        where c.id = t.id
          and c.organization_id in (select public.my_staff_organization_ids())
      )) as is_customer_staff,
      (t.kind = 'org' and t.id in (select public.my_staff_organization_ids())) as is_org_staff,
      (t.kind = 'org' and t.id = (select public.my_customer_organization_id())) as is_org_customer
    from target t
    where t.kind is not null and t.id is not null
  )
  select coalesce((
    select case a.kind
      when 'typing' then
        p_extension = 'broadcast' and (a.is_customer or a.is_customer_staff)
      when 'customer' then
        p_extension = 'presence' and a.is_customer_staff
      when 'portal' then
        p_extension = 'presence' and (a.is_customer or (a.is_customer_staff and not p_send))
      when 'org' then
        p_extension = 'presence' and (a.is_org_staff or (a.is_org_customer and not p_send))
    end
    from access a
  ), false)
$$;

revoke all on function
  private.realtime_topic_uuid(text, text),
  private.realtime_topic_allowed(text, text, boolean)
from public, anon;
grant execute on function
  private.realtime_topic_uuid(text, text),
  private.realtime_topic_allowed(text, text, boolean)
to authenticated, service_role;

create policy "authorized users receive broadcast and presence on their topics"
on realtime.messages
for select
to authenticated
using (private.realtime_topic_allowed((select realtime.topic()), extension, false));

create policy "authorized users send broadcast and track presence on their topics"
on realtime.messages
for insert
to authenticated
with check (private.realtime_topic_allowed((select realtime.topic()), extension, true));
