-- Core domain schema: organizations, staff, customers, services, jobs, invoices, messages,
-- loyalty and the org-scoped change feed. Money is integer cents, times are timestamptz.
-- Child rows carry their organization in a composite foreign key, so a row can never point at
-- a customer, job or technician of another organization.

create type public.staff_role as enum ('owner', 'admin', 'office', 'technician');
create type public.job_status as enum (
  'requested', 'scheduled', 'confirmed', 'en_route', 'in_progress', 'completed', 'cancelled'
);
create type public.invoice_status as enum ('draft', 'sent', 'paid', 'overdue', 'void');
create type public.message_sender as enum ('staff', 'customer');
create type public.loyalty_kind as enum ('earned', 'redeemed', 'bonus', 'adjustment');

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
  timezone text not null default 'UTC',
  -- Loyalty rule: points earned per whole dollar of a completed job's price.
  points_per_dollar integer not null default 1 check (points_per_dollar between 0 and 1000),
  -- Customers may cancel or reschedule online only this many hours before the start.
  cancellation_notice_hours integer not null default 24 check (cancellation_notice_hours between 0 and 720),
  -- Next number for invoices created without one (INV-<n>).
  next_invoice_number integer not null default 1001 check (next_invoice_number > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.staff_members (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- Null until the staff member has a login.
  user_id uuid references auth.users (id) on delete set null,
  full_name text not null check (length(btrim(full_name)) between 1 and 200),
  email text check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (length(phone) <= 40),
  role public.staff_role not null default 'technician',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, user_id)
);
create index staff_members_user_id_idx on public.staff_members (user_id, organization_id) where active;

create table public.customers (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  portal_user_id uuid unique references auth.users (id) on delete set null,
  first_name text not null check (length(btrim(first_name)) between 1 and 100),
  last_name text not null default '' check (length(last_name) <= 100),
  email text check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (length(phone) <= 40),
  address_line1 text check (length(address_line1) <= 200),
  address_line2 text check (length(address_line2) <= 200),
  city text check (length(city) <= 100),
  region text check (length(region) <= 100),
  postal_code text check (length(postal_code) <= 20),
  notification_preferences jsonb not null
    default '{"email": true, "sms": false, "job_updates": true, "invoice_updates": true, "message_updates": true, "loyalty_updates": true}'::jsonb
    check (jsonb_typeof(notification_preferences) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id)
);
create index customers_org_name_idx on public.customers (organization_id, last_name, first_name);

-- Staff-only notes about a customer; customers never see these.
create table public.customer_notes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  author_staff_id uuid references public.staff_members (id) on delete set null,
  body text not null check (length(btrim(body)) between 1 and 10000),
  created_at timestamptz not null default now(),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade
);
create index customer_notes_customer_idx on public.customer_notes (customer_id, created_at desc);
create index customer_notes_org_idx on public.customer_notes (organization_id);

create table public.services (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  description text check (length(description) <= 5000),
  base_price_cents integer not null default 0 check (base_price_cents >= 0),
  duration_minutes integer not null default 60 check (duration_minutes between 1 and 1440),
  active boolean not null default true,
  unique (organization_id, id),
  unique (organization_id, name)
);

create table public.jobs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  service_id uuid,
  technician_id uuid,
  title text not null check (length(btrim(title)) between 1 and 200),
  status public.job_status not null default 'scheduled',
  scheduled_start timestamptz not null,
  scheduled_end timestamptz not null,
  address text check (length(address) <= 500),
  price_cents integer not null default 0 check (price_cents >= 0),
  notes text check (length(notes) <= 10000),
  confirmed_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancellation_reason text check (length(cancellation_reason) <= 2000),
  reschedule_requested_at timestamptz,
  reschedule_note text check (length(reschedule_note) <= 2000),
  reschedule_preferred_times jsonb check (
    reschedule_preferred_times is null or jsonb_typeof(reschedule_preferred_times) = 'array'
  ),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint jobs_end_after_start check (scheduled_end > scheduled_start),
  unique (organization_id, id),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, service_id) references public.services (organization_id, id)
    on delete set null (service_id),
  foreign key (organization_id, technician_id) references public.staff_members (organization_id, id)
    on delete set null (technician_id)
);
create index jobs_org_start_idx on public.jobs (organization_id, scheduled_start);
create index jobs_customer_start_idx on public.jobs (customer_id, scheduled_start);
create index jobs_technician_start_idx on public.jobs (technician_id, scheduled_start) where technician_id is not null;
create index jobs_service_idx on public.jobs (service_id) where service_id is not null;

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  job_id uuid,
  -- Assigned from organizations.next_invoice_number when left empty.
  number text not null default '' check (length(number) <= 40),
  status public.invoice_status not null default 'draft',
  issued_at timestamptz,
  due_at timestamptz,
  paid_at timestamptz,
  -- Kept equal to the sum of the line items by trigger.
  subtotal_cents integer not null default 0 check (subtotal_cents >= 0),
  tax_cents integer not null default 0 check (tax_cents >= 0),
  total_cents integer not null default 0 check (total_cents >= 0),
  notes text check (length(notes) <= 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invoices_total_is_sum check (total_cents = subtotal_cents + tax_cents),
  constraint invoices_due_after_issue check (due_at is null or issued_at is null or due_at >= issued_at),
  unique (organization_id, number),
  unique (organization_id, id),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete set null (job_id)
);
create index invoices_org_status_idx on public.invoices (organization_id, status, due_at);
create index invoices_customer_idx on public.invoices (customer_id, issued_at desc);
create index invoices_job_idx on public.invoices (job_id) where job_id is not null;
create index invoices_overdue_candidates_idx on public.invoices (due_at) where status = 'sent';

create table public.invoice_line_items (
  id uuid primary key default gen_random_uuid(),
  invoice_id uuid not null references public.invoices (id) on delete cascade,
  description text not null check (length(btrim(description)) between 1 and 500),
  quantity integer not null default 1 check (quantity > 0),
  unit_price_cents integer not null check (unit_price_cents >= 0),
  -- quantity × unit_price_cents, set by trigger.
  amount_cents integer not null default 0 check (amount_cents >= 0),
  position integer not null default 0,
  created_at timestamptz not null default now()
);
create index invoice_line_items_invoice_idx on public.invoice_line_items (invoice_id, position);

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  sender_type public.message_sender not null,
  sender_user_id uuid references auth.users (id) on delete set null,
  body text not null check (length(btrim(body)) between 1 and 5000),
  read_at timestamptz,
  -- Soft delete: the row stays so both sides see "message deleted" live.
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade
);
create index messages_customer_idx on public.messages (customer_id, created_at);
create index messages_org_idx on public.messages (organization_id, created_at desc);
create index messages_unread_idx on public.messages (customer_id, sender_type) where read_at is null and deleted_at is null;

create table public.loyalty_rewards (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  description text check (length(description) <= 5000),
  points_cost integer not null check (points_cost > 0),
  active boolean not null default true,
  unique (organization_id, id)
);

create table public.loyalty_transactions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  customer_id uuid not null,
  -- Signed: earned and bonus add, redeemed subtracts, adjustment either way.
  points integer not null,
  kind public.loyalty_kind not null,
  description text check (length(description) <= 500),
  job_id uuid,
  reward_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint loyalty_points_sign check (
    points <> 0
    and (kind not in ('earned', 'bonus') or points > 0)
    and (kind <> 'redeemed' or points < 0)
  ),
  foreign key (organization_id, customer_id) references public.customers (organization_id, id) on delete cascade,
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete set null (job_id),
  foreign key (organization_id, reward_id) references public.loyalty_rewards (organization_id, id)
    on delete set null (reward_id)
);
create index loyalty_transactions_customer_idx on public.loyalty_transactions (customer_id, created_at desc);
create index loyalty_transactions_org_idx on public.loyalty_transactions (organization_id, created_at desc);
-- A completed job earns points once, however often its status flips.
create unique index loyalty_transactions_earned_once_idx on public.loyalty_transactions (job_id)
  where kind = 'earned';
create index loyalty_transactions_reward_idx on public.loyalty_transactions (reward_id) where reward_id is not null;

-- The org-scoped change feed: one row per change of any domain row (no foreign key, so rows
-- written while an organization is being deleted do not fail).
create table public.realtime_table_events (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  table_name text not null,
  record_id uuid not null,
  event_type text not null check (event_type in ('INSERT', 'UPDATE', 'DELETE')),
  created_at timestamptz not null default now()
);
create index realtime_table_events_org_idx on public.realtime_table_events (organization_id, id);
create index realtime_table_events_created_idx on public.realtime_table_events (created_at);
