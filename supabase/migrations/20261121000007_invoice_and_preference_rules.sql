-- Bookkeeping rules for staff: an invoice that is paid or void keeps its lines, and only drafts
-- are deleted (a sent invoice is voided instead). Notification preferences are on/off switches.

create function private.invoice_line_items_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  state public.invoice_status;
begin
  if private.is_end_user() then
    select i.status into state from public.invoices i
    where i.id = case when tg_op = 'DELETE' then old.invoice_id else new.invoice_id end;
    if state in ('paid', 'void') then
      raise exception 'This invoice is %; its line items can no longer change', state
        using errcode = 'P0001', hint = 'Issue a new invoice or a credit instead.';
    end if;
    if tg_op = 'UPDATE' and new.invoice_id <> old.invoice_id then
      raise exception 'A line item cannot move to another invoice' using errcode = '42501';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger invoice_line_items_guard before insert or update or delete on public.invoice_line_items
  for each row execute function private.invoice_line_items_guard();

create function private.invoices_guard_delete()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_end_user() and old.status <> 'draft' then
    raise exception 'Only draft invoices can be deleted; void a % invoice instead', old.status
      using errcode = 'P0001';
  end if;
  return old;
end
$$;
create trigger invoices_guard_delete before delete on public.invoices
  for each row execute function private.invoices_guard_delete();

-- True when every value of a JSON object is true or false.
create function private.is_switch_object(p_value jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(p_value) = 'object'
    and not exists (select 1 from jsonb_each(p_value) e where jsonb_typeof(e.value) <> 'boolean')
$$;

alter table public.customers
  add constraint customers_notification_preferences_switches
  check (private.is_switch_object(notification_preferences));

revoke all on function private.invoice_line_items_guard(), private.invoices_guard_delete(),
  private.is_switch_object(jsonb) from public, anon;
grant execute on function private.invoice_line_items_guard(), private.invoices_guard_delete(),
  private.is_switch_object(jsonb) to authenticated, service_role;
