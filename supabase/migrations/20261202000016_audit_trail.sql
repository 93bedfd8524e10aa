-- Audit trail: who changed what. One row per meaningful change to a customer, job, invoice or
-- loyalty entry, naming the actor (a staff member, the customer in the portal, or the system:
-- scheduled jobs and service-role scripts) and the fields that matter, old → new. Triggers write
-- it whoever the client was; staff read it; nobody edits it. Unlike the change feed
-- (realtime_table_events) it is never pruned.

create type public.audit_action as enum ('created', 'updated', 'deleted');
create type public.audit_actor as enum ('staff', 'customer', 'system');

create table public.audit_events (
  id bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- The customer the record belongs to. No foreign keys to the record: history outlives it.
  customer_id uuid,
  table_name text not null check (table_name in ('customers', 'jobs', 'invoices', 'loyalty_transactions')),
  record_id uuid not null,
  -- What the record was called at the time: a job's title, an invoice's number, a customer's name.
  record_label text not null check (length(record_label) <= 300),
  action public.audit_action not null,
  actor public.audit_actor not null,
  actor_user_id uuid,
  actor_name text not null check (length(actor_name) between 1 and 300),
  -- {"status": {"old": "scheduled", "new": "confirmed"}, …}: only the audited fields that changed
  -- (on create, their first values under "new").
  changes jsonb not null default '{}' check (jsonb_typeof(changes) = 'object'),
  created_at timestamptz not null default now()
);
create index audit_events_customer_idx on public.audit_events (customer_id, id desc);
create index audit_events_record_idx on public.audit_events (record_id, id desc);
create index audit_events_org_idx on public.audit_events (organization_id, id desc);

alter table public.audit_events enable row level security;
create policy "staff read their organization's audit trail" on public.audit_events for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
-- Only the triggers write it: no API role inserts, rewrites or deletes history, the service role
-- included (its default privileges would otherwise allow it).
revoke all on public.audit_events from anon, authenticated, service_role;
grant select on public.audit_events to authenticated, service_role;

-- Who is acting for this statement: the staff member or portal customer behind the JWT, or the
-- system when there is no user (pg_cron, service-role scripts, seeds).
create function private.audit_actor(p_organization_id uuid, out actor public.audit_actor, out user_id uuid, out name text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  user_id := (select auth.uid());
  if user_id is not null then
    select 'staff', s.full_name into actor, name
    from public.staff_members s
    where s.user_id = audit_actor.user_id and s.organization_id = p_organization_id;
    if found then
      return;
    end if;
    select 'customer', private.customer_display_name(c.id) into actor, name
    from public.customers c
    where c.portal_user_id = audit_actor.user_id;
    if found then
      return;
    end if;
  end if;
  actor := 'system';
  name := 'System';
end
$$;

-- A staff member's name in place of their id, so "Technician: Sam → Jordan" still reads right
-- after someone leaves.
create function private.audit_staff_name(p_id jsonb)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select to_jsonb(s.full_name) from public.staff_members s where s.id = (p_id #>> '{}')::uuid), p_id)
  where p_id is not null and p_id <> 'null'::jsonb
$$;

-- The trigger: its arguments name the fields worth recording for that table.
create function private.record_audit_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  before jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  after jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  rec jsonb := coalesce(after, before);
  diff jsonb := '{}';
  field text;
  who record;
  label text;
begin
  foreach field in array tg_argv loop
    if tg_op = 'UPDATE' and before -> field is distinct from after -> field then
      diff := diff || jsonb_build_object(field, jsonb_build_object('old', before -> field, 'new', after -> field));
    elsif tg_op = 'INSERT' and coalesce(after -> field, 'null'::jsonb) <> 'null'::jsonb then
      diff := diff || jsonb_build_object(field, jsonb_build_object('new', after -> field));
    end if;
  end loop;
  -- An update that touched none of the audited fields (updated_at, read flags, …) is not history.
  if tg_op = 'UPDATE' and diff = '{}'::jsonb then
    return null;
  end if;
  -- Deleting an organization cascades through its records: nothing is left to keep history for.
  if not exists (select 1 from public.organizations o where o.id = (rec ->> 'organization_id')::uuid) then
    return null;
  end if;
  if diff ? 'technician_id' then
    diff := jsonb_set(diff, '{technician_id}', jsonb_build_object(
      'old', private.audit_staff_name(diff #> '{technician_id,old}'),
      'new', private.audit_staff_name(diff #> '{technician_id,new}')));
  end if;

  label := case tg_table_name
    when 'customers' then nullif(btrim(concat_ws(' ', rec ->> 'first_name', rec ->> 'last_name')), '')
    when 'jobs' then rec ->> 'title'
    when 'invoices' then rec ->> 'number'
    when 'loyalty_transactions' then (rec ->> 'points') || ' points'
  end;
  who := private.audit_actor((rec ->> 'organization_id')::uuid);

  insert into public.audit_events
    (organization_id, customer_id, table_name, record_id, record_label, action, actor, actor_user_id, actor_name, changes)
  values (
    (rec ->> 'organization_id')::uuid,
    case when tg_table_name = 'customers' then (rec ->> 'id')::uuid else (rec ->> 'customer_id')::uuid end,
    tg_table_name,
    (rec ->> 'id')::uuid,
    left(coalesce(label, tg_table_name), 300),
    case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end::public.audit_action,
    who.actor,
    who.user_id,
    left(who.name, 300),
    diff
  );
  return null;
end
$$;

create trigger record_audit_event after insert or update or delete on public.customers
  for each row execute function private.record_audit_event(
    'first_name', 'last_name', 'email', 'phone', 'address_line1', 'address_line2', 'city', 'region', 'postal_code');
create trigger record_audit_event after insert or update or delete on public.jobs
  for each row execute function private.record_audit_event(
    'title', 'status', 'scheduled_start', 'scheduled_end', 'technician_id', 'address', 'price_cents',
    'cancellation_reason', 'reschedule_requested_at', 'reschedule_note');
create trigger record_audit_event after insert or update or delete on public.invoices
  for each row execute function private.record_audit_event(
    'number', 'status', 'issued_at', 'due_at', 'total_cents');
-- The loyalty ledger is append-only: a new entry is the whole story.
create trigger record_audit_event after insert on public.loyalty_transactions
  for each row execute function private.record_audit_event('kind', 'points', 'description');

revoke execute on function
  private.audit_actor(uuid),
  private.audit_staff_name(jsonb),
  private.record_audit_event()
from public, anon, authenticated, service_role;
