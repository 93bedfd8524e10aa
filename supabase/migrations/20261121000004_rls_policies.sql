-- Row Level Security: on for every table, one policy per command and audience.
-- Staff act by organization and role (all staff read; owner/admin/office write customer-facing
-- data; owner/admin manage staff, services and settings). A customer reaches only rows of their
-- own customer record (customers.portal_user_id = auth.uid()). anon has no grants at all.
-- Helpers are wrapped in sub-selects so PostgreSQL evaluates them once per statement (an
-- initplan); `col = any (array(select …))` and `col = (select …)` can then probe the
-- organization_id / customer_id indexes, also when two policies are OR-ed (BitmapOr).

alter table public.organizations enable row level security;
alter table public.staff_members enable row level security;
alter table public.customers enable row level security;
alter table public.customer_notes enable row level security;
alter table public.services enable row level security;
alter table public.jobs enable row level security;
alter table public.invoices enable row level security;
alter table public.invoice_line_items enable row level security;
alter table public.messages enable row level security;
alter table public.loyalty_rewards enable row level security;
alter table public.loyalty_transactions enable row level security;
alter table public.realtime_table_events enable row level security;

-- organizations
create policy "staff read their organization" on public.organizations for select to authenticated
  using (id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their organization" on public.organizations for select to authenticated
  using (id = (select public.my_customer_organization_id()));
create policy "owners and admins update the organization" on public.organizations for update to authenticated
  using (id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))))
  with check (id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));

-- staff_members
create policy "staff read colleagues" on public.staff_members for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their assigned technicians" on public.staff_members for select to authenticated
  using (id in (select j.technician_id from public.jobs j where j.customer_id = (select public.my_customer_id())));
create policy "owners and admins add staff" on public.staff_members for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins update staff" on public.staff_members for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins remove staff" on public.staff_members for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));

-- customers
create policy "staff read customers" on public.customers for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own record" on public.customers for select to authenticated
  using (id = (select public.my_customer_id()));
create policy "office staff add customers" on public.customers for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff update customers" on public.customers for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "customers update their contact details" on public.customers for update to authenticated
  using (id = (select public.my_customer_id()))
  with check (id = (select public.my_customer_id()));
create policy "owners and admins delete customers" on public.customers for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));

-- customer_notes
create policy "staff read notes" on public.customer_notes for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "office staff add notes" on public.customer_notes for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff edit notes" on public.customer_notes for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff delete notes" on public.customer_notes for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

-- services
create policy "staff read services" on public.services for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their organization services" on public.services for select to authenticated
  using (organization_id = (select public.my_customer_organization_id()));
create policy "owners and admins add services" on public.services for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins update services" on public.services for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));
create policy "owners and admins delete services" on public.services for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin']::public.staff_role[]))));

-- jobs
create policy "staff read jobs" on public.jobs for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own jobs" on public.jobs for select to authenticated
  using (customer_id = (select public.my_customer_id()));
create policy "office staff add jobs" on public.jobs for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff update jobs" on public.jobs for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "technicians update their assigned jobs" on public.jobs for update to authenticated
  using (technician_id = any (array(select public.my_staff_member_ids())))
  with check (technician_id = any (array(select public.my_staff_member_ids())));
create policy "office staff delete jobs" on public.jobs for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

-- invoices
create policy "staff read invoices" on public.invoices for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their issued invoices" on public.invoices for select to authenticated
  using (customer_id = (select public.my_customer_id()) and status <> 'draft');
create policy "office staff add invoices" on public.invoices for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff update invoices" on public.invoices for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff delete invoices" on public.invoices for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

-- invoice_line_items
create policy "line items follow their invoice" on public.invoice_line_items for select to authenticated
  using (invoice_id in (select i.id from public.invoices i));
create policy "office staff add line items" on public.invoice_line_items for insert to authenticated
  with check (invoice_id in (select i.id from public.invoices i where i.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))));
create policy "office staff update line items" on public.invoice_line_items for update to authenticated
  using (invoice_id in (select i.id from public.invoices i where i.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))))
  with check (invoice_id in (select i.id from public.invoices i where i.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))));
create policy "office staff delete line items" on public.invoice_line_items for delete to authenticated
  using (invoice_id in (select i.id from public.invoices i where i.organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[])))));

-- messages
create policy "staff read messages" on public.messages for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their thread" on public.messages for select to authenticated
  using (customer_id = (select public.my_customer_id()));
create policy "office staff send messages" on public.messages for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))) and sender_type = 'staff');
create policy "customers send messages in their thread" on public.messages for insert to authenticated
  with check (customer_id = (select public.my_customer_id()) and sender_type = 'customer' and sender_user_id = (select auth.uid()));
create policy "office staff update messages" on public.messages for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "customers mark staff messages read" on public.messages for update to authenticated
  using (customer_id = (select public.my_customer_id()) and sender_type = 'staff')
  with check (customer_id = (select public.my_customer_id()) and sender_type = 'staff');
create policy "office staff delete messages" on public.messages for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

-- loyalty_rewards
create policy "staff read rewards" on public.loyalty_rewards for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their organization rewards" on public.loyalty_rewards for select to authenticated
  using (organization_id = (select public.my_customer_organization_id()) and active);
create policy "office staff add rewards" on public.loyalty_rewards for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff update rewards" on public.loyalty_rewards for update to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))))
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "office staff delete rewards" on public.loyalty_rewards for delete to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

-- loyalty_transactions
create policy "staff read the ledger" on public.loyalty_transactions for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));
create policy "customers read their own points" on public.loyalty_transactions for select to authenticated
  using (customer_id = (select public.my_customer_id()));
create policy "office staff add points" on public.loyalty_transactions for insert to authenticated
  with check (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));

-- realtime_table_events
create policy "staff read their change feed" on public.realtime_table_events for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids())));

-- Table privileges: anon gets nothing; end users never truncate (TRUNCATE ignores RLS); the
-- ledger and the change feed are append-only or read-only for end users.
revoke all on all tables in schema public from anon;
revoke truncate, references, trigger on all tables in schema public from authenticated;
revoke update, delete on public.loyalty_transactions from authenticated;
revoke insert, update, delete on public.realtime_table_events from authenticated;
revoke insert, delete on public.organizations from authenticated;
revoke all on all sequences in schema public from anon;

-- Tables and functions added later start closed to anon as well (Supabase's defaults grant them).
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on sequences from anon;
alter default privileges in schema public revoke execute on functions from anon;
