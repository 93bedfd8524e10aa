-- Catch-up after a realtime outage: a rejoining client reads the change feed entries it missed
-- ("after the last id I saw") with a plain REST select under RLS, the same on hosted Supabase.
--
-- Staff already read their organization's entries. Customers now read the entries about their
-- own rows, and only the ones they could read when the change happened: `customer_id` is set by
-- the feed trigger exactly when the changed row (the new row; the old one for a delete) passes the
-- customer's select policy of its table (jobs, messages and loyalty transactions: their own;
-- invoices: their own and not a draft). Every other entry (notes, line items, staff, services,
-- the customer record, drafts) keeps `customer_id` null and stays staff-only.

alter table public.realtime_table_events add column customer_id uuid;

-- "Entries after id X" for one customer (the organization's is realtime_table_events_org_idx).
create index realtime_table_events_customer_idx on public.realtime_table_events (customer_id, id)
  where customer_id is not null;

create or replace function private.record_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data jsonb;
  org uuid;
  customer uuid;
begin
  if tg_op = 'DELETE' then
    row_data := to_jsonb(old);
  else
    row_data := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' and to_jsonb(old) = row_data then
    return null;
  end if;
  if tg_table_name = 'organizations' then
    if tg_op = 'DELETE' then
      return null;
    end if;
    org := (row_data ->> 'id')::uuid;
  elsif tg_table_name = 'invoice_line_items' then
    select i.organization_id into org from public.invoices i where i.id = (row_data ->> 'invoice_id')::uuid;
  else
    org := (row_data ->> 'organization_id')::uuid;
  end if;
  -- Mirrors the customers' select policies of these tables (20261121000004_rls_policies).
  if tg_table_name in ('jobs', 'messages', 'loyalty_transactions') then
    customer := (row_data ->> 'customer_id')::uuid;
  elsif tg_table_name = 'invoices' and row_data ->> 'status' <> 'draft' then
    customer := (row_data ->> 'customer_id')::uuid;
  end if;
  if org is not null then
    insert into public.realtime_table_events (organization_id, customer_id, table_name, record_id, event_type)
    values (org, customer, tg_table_name, (row_data ->> 'id')::uuid, tg_op);
  end if;
  return null;
end
$$;

revoke all on function private.record_change() from public, anon;
-- Trigger functions run as their owner whoever fires them; nobody calls this one directly.
revoke execute on function private.record_change() from authenticated, service_role;

create policy "customers read their own change feed" on public.realtime_table_events for select to authenticated
  using (customer_id = (select public.my_customer_id()));
