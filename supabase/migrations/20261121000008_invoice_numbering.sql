-- Automatic invoice numbers skip numbers already taken by hand (e.g. an imported INV-1002), so
-- an invoice created without a number never fails on the uniqueness rule.

create or replace function private.invoices_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and btrim(coalesce(new.number, '')) = '' then
    loop
      update public.organizations o set next_invoice_number = o.next_invoice_number + 1
      where o.id = new.organization_id
      returning 'INV-' || (o.next_invoice_number - 1) into new.number;
      -- No organization: leave the number empty and let the foreign key report it.
      exit when new.number is null or not exists (
        select 1 from public.invoices i where i.organization_id = new.organization_id and i.number = new.number
      );
    end loop;
  end if;
  if tg_op = 'INSERT' then
    new.subtotal_cents := 0;
  else
    select coalesce(sum(li.amount_cents), 0) into new.subtotal_cents
    from public.invoice_line_items li where li.invoice_id = new.id;
  end if;
  new.total_cents := new.subtotal_cents + new.tax_cents;
  if new.status in ('sent', 'paid', 'overdue') and new.issued_at is null then
    new.issued_at := now();
  end if;
  if new.status = 'paid' and new.paid_at is null then
    new.paid_at := now();
  end if;
  return new;
end
$$;
