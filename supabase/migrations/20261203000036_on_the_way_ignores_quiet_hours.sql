-- SMS quiet hours no longer hold the "technician on the way" text: it is only useful while the
-- technician is driving, and the visit it announces is at that hour anyway. Every other text is
-- still held until the quiet hours end.

create or replace function private.enqueue_notification(
  p_organization_id uuid, p_customer_id uuid, p_event public.notification_event,
  p_record_table text, p_record_id uuid, p_occurrence text, p_payload jsonb,
  p_due_at timestamptz default now()
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  org public.organizations;
  cust public.customers;
  channel public.notification_channel;
  recipient text;
  added integer := 0;
  n integer;
begin
  select * into org from public.organizations o where o.id = p_organization_id;
  select * into cust from public.customers c where c.id = p_customer_id;
  if org.id is null or cust.id is null or cust.archived_at is not null then
    return 0;
  end if;
  foreach channel in array enum_range(null::public.notification_channel) loop
    recipient := case channel when 'email' then lower(btrim(cust.email)) else nullif(btrim(cust.phone), '') end;
    continue when recipient is null
      or not private.notification_wanted(org, cust.notification_preferences, p_event, channel);
    insert into public.notification_outbox
      (organization_id, customer_id, event, event_group, channel, recipient, record_table, record_id,
       payload, idempotency_key, due_at)
    values (
      p_organization_id, p_customer_id, p_event, private.notification_group(p_event), channel,
      recipient, p_record_table, p_record_id,
      p_payload,
      format('%s:%s:%s:%s:%s', p_event, p_record_id, p_occurrence, channel, recipient),
      -- Quiet hours hold texts that can wait; "on the way" is about a visit happening now (a 07:30
      -- departure for an 08:00 visit), so it goes when it happens.
      case when channel = 'sms' and p_event <> 'technician_on_the_way'
        then private.sms_send_time(org, p_due_at) else p_due_at end)
    on conflict (idempotency_key) do nothing;
    get diagnostics n = row_count;
    added := added + n;
  end loop;
  return added;
end
$$;
