-- Demo data: "Dirt Free Carpet Cleaning" with owner, office and technician logins, customers
-- with and without portal logins, a spread of past and upcoming jobs, invoices with line items,
-- message threads and loyalty points. Every demo password is `password123`.
-- Dates are relative to now(), so upcoming appointments stay upcoming whenever the seed runs.

-- Logins (GoTrue's columns; empty strings where GoTrue expects text, not null).
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt('password123', extensions.gen_salt('bf')), now() - interval '120 days',
  '{"provider": "email", "providers": ["email"]}'::jsonb, jsonb_build_object('full_name', u.full_name),
  now() - interval '120 days', now() - interval '120 days', '', '', '', ''
from (values
  ('a0000000-0000-4000-8000-000000000001'::uuid, 'owner@dirtfree.test', 'Olivia Owens'),
  ('a0000000-0000-4000-8000-000000000002'::uuid, 'office@dirtfree.test', 'Oscar Diaz'),
  ('a0000000-0000-4000-8000-000000000003'::uuid, 'tech@dirtfree.test', 'Tom Becker'),
  ('b0000000-0000-4000-8000-000000000001'::uuid, 'alice@example.com', 'Alice Johnson'),
  ('b0000000-0000-4000-8000-000000000002'::uuid, 'bob@example.com', 'Bob Martinez')
) as u (id, email, full_name);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
  'email', now() - interval '120 days', now() - interval '120 days', now() - interval '120 days'
from auth.users u
where u.id in (
  'a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
  'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001',
  'b0000000-0000-4000-8000-000000000002'
);

-- A business in operation: its first-run checklist was finished long ago.
insert into public.organizations (
  id, name, slug, timezone, points_per_dollar, cancellation_notice_hours, next_invoice_number,
  phone, email, address, setup_completed_at
)
values ('10000000-0000-4000-8000-000000000001', 'Dirt Free Carpet Cleaning', 'dirt-free', 'America/Chicago', 1, 24, 1008,
        '(512) 555-0199', 'hello@dirtfree.test', '2100 S Lamar Blvd, Austin, TX 78704', now() - interval '90 days');

insert into public.staff_members (id, organization_id, user_id, full_name, email, phone, role)
values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000001', 'Olivia Owens', 'owner@dirtfree.test', '(512) 555-0100', 'owner'),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000002', 'Oscar Diaz', 'office@dirtfree.test', '(512) 555-0101', 'office'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000003', 'Tom Becker', 'tech@dirtfree.test', '(512) 555-0102', 'technician'),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001',
   null, 'Marco Reyes', 'marco@dirtfree.test', '(512) 555-0103', 'technician');

insert into public.customers (
  id, organization_id, portal_user_id, first_name, last_name, email, phone,
  address_line1, address_line2, city, region, postal_code, notification_preferences, created_at
)
values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'b0000000-0000-4000-8000-000000000001', 'Alice', 'Johnson', 'alice@example.com', '(512) 555-0142',
   '1204 Barton Hills Dr', null, 'Austin', 'TX', '78704',
   '{"email": true, "sms": true, "job_updates": true, "invoice_updates": true, "message_updates": true, "loyalty_updates": true}',
   now() - interval '120 days'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
   'b0000000-0000-4000-8000-000000000002', 'Bob', 'Martinez', 'bob@example.com', '(512) 555-0177',
   '88 Rainey St', 'Apt 1203', 'Austin', 'TX', '78701',
   '{"email": true, "sms": false, "job_updates": true, "invoice_updates": true, "message_updates": true, "loyalty_updates": false}',
   now() - interval '90 days'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001',
   null, 'Carol', 'Nguyen', 'carol@example.com', '(512) 555-0190',
   '4410 Duval St', null, 'Austin', 'TX', '78751', default, now() - interval '60 days'),
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001',
   null, 'Dave', 'Okafor', 'dave@example.com', '(512) 555-0111',
   '902 W Mary St', null, 'Austin', 'TX', '78704', default, now() - interval '30 days'),
  ('30000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001',
   null, 'Erin', 'Walsh', null, '(512) 555-0168',
   '15 Pecan Grove Rd', null, 'Round Rock', 'TX', '78664', default, now() - interval '7 days');

insert into public.customer_notes (organization_id, customer_id, author_staff_id, body, created_at)
values
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001',
   '20000000-0000-4000-8000-000000000002', 'Has a golden retriever; prefers pet-safe products. Gate code 4821.',
   now() - interval '100 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002',
   '20000000-0000-4000-8000-000000000002', 'High-rise: book the service elevator with the front desk.',
   now() - interval '80 days');

-- Service addresses: each customer's address became their main property ("Home"); the access
-- notes technicians need, and a rental Alice owns.
update public.properties p set access_notes = n.notes
from (values
  ('30000000-0000-4000-8000-000000000001'::uuid, 'Gate code 4821. Golden retriever (friendly); keep the side gate shut.'),
  ('30000000-0000-4000-8000-000000000002', 'High-rise: book the service elevator with the front desk. Visitor parking P2.'),
  ('30000000-0000-4000-8000-000000000004', 'Street parking only.')
) as n(customer_id, notes)
where p.customer_id = n.customer_id and p.is_primary;
insert into public.properties (
  id, organization_id, customer_id, label, address_line1, address_line2, city, region, postal_code,
  access_notes, confirmed_at, created_at
)
values ('31000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
        '30000000-0000-4000-8000-000000000001', 'Rental', '707 E Oltorf St', 'Unit B', 'Austin', 'TX', '78704',
        'Lockbox on the back door: 1950. The tenant works from home; text before arriving.',
        now() - interval '60 days', now() - interval '60 days');

-- Coordinates of the demo addresses (for directions and the technician's arrival estimate).
update public.properties p set latitude = c.lat, longitude = c.lng
from (values
  ('30000000-0000-4000-8000-000000000001'::uuid, 30.2545, -97.7794),
  ('30000000-0000-4000-8000-000000000002', 30.2577, -97.7387),
  ('30000000-0000-4000-8000-000000000003', 30.3105, -97.7197),
  ('30000000-0000-4000-8000-000000000004', 30.2489, -97.7582),
  ('30000000-0000-4000-8000-000000000005', 30.5083, -97.6789)
) as c(customer_id, lat, lng)
where p.customer_id = c.customer_id and p.is_primary;
update public.properties set latitude = 30.2366, longitude = -97.7581
where id = '31000000-0000-4000-8000-000000000002';

-- Erin came from a referral; Alice is a regular with a rental.
update public.customers set tags = '{VIP,"Rental owner"}', source = 'Website' where id = '30000000-0000-4000-8000-000000000001';
update public.customers set source = 'Referral' where id = '30000000-0000-4000-8000-000000000005';

insert into public.services (id, organization_id, name, description, base_price_cents, duration_minutes, unit)
values
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   'Carpet cleaning (up to 3 rooms)', 'Hot-water extraction, pre-treatment and grooming.', 14900, 120, 'visit'),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
   'Upholstery cleaning', 'Sofa or sectional, fabric-safe cleaning.', 9900, 90, 'piece'),
  ('40000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001',
   'Pet stain & odor treatment', 'Enzyme treatment for pet accidents.', 7900, 60, 'room'),
  ('40000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001',
   'Tile & grout cleaning', 'Deep clean and optional sealing.', 19900, 150, 'visit'),
  ('40000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001',
   'Area rug cleaning', 'Per rug, cleaned on site.', 5900, 45, 'rug');

-- What a technician works through for each service.
update public.services s set checklist = c.items
from (values
  ('40000000-0000-4000-8000-000000000001'::uuid, '{"Walk the rooms with the customer","Move light furniture","Pre-treat traffic areas and spots","Hot-water extraction","Groom the pile and set fans"}'::text[]),
  ('40000000-0000-4000-8000-000000000002', '{"Check fabric cleaning code","Vacuum cushions and seams","Clean and rinse","Leave to dry"}'),
  ('40000000-0000-4000-8000-000000000003', '{"Find spots with the UV light","Apply enzyme treatment","Extract and deodorize"}')
) as c(service_id, items)
where s.id = c.service_id;

insert into public.tax_rates (id, organization_id, name, rate_bps, is_default)
values ('41000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Sales tax', 825, true);

-- Jobs: past (completed, cancelled), today (in progress) and upcoming (scheduled, confirmed,
-- requested). Completed jobs earn points once their invoice is paid (see below).
insert into public.jobs (
  id, organization_id, customer_id, service_id, technician_id, title, status,
  scheduled_start, scheduled_end, price_cents, notes, created_at
)
select j.id, '10000000-0000-4000-8000-000000000001', j.customer_id, j.service_id, j.technician_id, j.title,
  j.status::public.job_status,
  starts.at, starts.at + j.duration,
  j.price_cents, j.notes, least(now(), starts.at) - interval '14 days'
from (values
  ('50000000-0000-4000-8000-000000000001'::uuid, '30000000-0000-4000-8000-000000000001'::uuid,
   '40000000-0000-4000-8000-000000000001'::uuid, '20000000-0000-4000-8000-000000000003'::uuid,
   'Carpet cleaning — living room, hall, 2 bedrooms', 'completed', interval '-90 days 9 hours', interval '2 hours', 14900, null),
  ('50000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000001',
   '40000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000003',
   'Pet stain treatment — living room', 'completed', interval '-30 days 13 hours', interval '1 hour', 18900, 'Two extra spots treated.'),
  ('50000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000001',
   '40000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003',
   'Sofa & loveseat upholstery cleaning', 'scheduled', interval '3 days 10 hours', interval '90 minutes', 9900, null),
  ('50000000-0000-4000-8000-000000000004', '30000000-0000-4000-8000-000000000001',
   '40000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000004',
   'Kitchen tile & grout', 'confirmed', interval '10 days 9 hours', interval '150 minutes', 24900, 'Includes sealing.'),
  ('50000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000001',
   '40000000-0000-4000-8000-000000000005', null,
   'Area rug cleaning (2 rugs)', 'requested', interval '21 days 14 hours', interval '90 minutes', 11800, null),
  ('50000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000002',
   '40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004',
   'Carpet cleaning — whole apartment', 'completed', interval '-14 days 11 hours', interval '2 hours', 17900, null),
  ('50000000-0000-4000-8000-000000000007', '30000000-0000-4000-8000-000000000002',
   '40000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003',
   'Sectional upholstery cleaning', 'in_progress', interval '0 days', interval '2 hours', 12900, null),
  ('50000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000002',
   '40000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000003',
   'Pet odor treatment — bedroom', 'scheduled', interval '2 days 15 hours', interval '1 hour', 7900, null),
  ('50000000-0000-4000-8000-000000000009', '30000000-0000-4000-8000-000000000003',
   '40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004',
   'Carpet cleaning — 3 rooms', 'scheduled', interval '1 day 9 hours', interval '2 hours', 14900, null),
  ('50000000-0000-4000-8000-000000000010', '30000000-0000-4000-8000-000000000004',
   '40000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000003',
   'Bathroom tile & grout', 'cancelled', interval '-5 days 10 hours', interval '2 hours', 19900, null),
  ('50000000-0000-4000-8000-000000000011', '30000000-0000-4000-8000-000000000005',
   '40000000-0000-4000-8000-000000000005', null,
   'Area rug cleaning', 'requested', interval '6 days 16 hours', interval '45 minutes', 5900, null)
) as j (id, customer_id, service_id, technician_id, title, status, start_offset, duration, price_cents, notes)
-- Whole days from today at the given local hour in the organization's time zone; the job in
-- progress started an hour ago.
cross join lateral (
  select case
    when j.status = 'in_progress' then date_trunc('hour', now()) - interval '1 hour'
    else (date_trunc('day', now() at time zone 'America/Chicago') + j.start_offset) at time zone 'America/Chicago'
  end as at
) as starts;

update public.jobs set cancellation_reason = 'Customer travelling; will rebook.'
where id = '50000000-0000-4000-8000-000000000010';

-- Invoices: the line items make the totals (8.25 % sales tax on the taxable ones); payments
-- below settle the paid ones.
insert into public.invoices (id, organization_id, customer_id, job_id, number, status, issued_at, due_at, paid_at, tax_cents, notes)
values
  ('60000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001',
   '50000000-0000-4000-8000-000000000001', 'INV-1001', 'paid', now() - interval '90 days', now() - interval '76 days',
   now() - interval '85 days', 1229, null),
  ('60000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001',
   '50000000-0000-4000-8000-000000000002', 'INV-1004', 'sent', now() - interval '3 days', now() + interval '11 days',
   null, 1559, 'Thank you for your business!'),
  ('60000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002',
   '50000000-0000-4000-8000-000000000006', 'INV-1003', 'overdue', now() - interval '14 days', now() - interval '2 days',
   null, 1477, null),
  ('60000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002',
   null, 'INV-1002', 'paid', now() - interval '60 days', now() - interval '46 days', now() - interval '58 days', 487, null),
  ('60000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003',
   '50000000-0000-4000-8000-000000000009', 'INV-1005', 'draft', null, null, null, 1229, null),
  ('60000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000004',
   null, 'INV-1006', 'void', now() - interval '6 days', now() + interval '8 days', null, 0, 'Job cancelled.'),
  ('60000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001',
   null, 'INV-1007', 'sent', now() - interval '20 days', now() - interval '1 day', null, 0,
   'Please pay by bank transfer or card in the portal.');

insert into public.invoice_line_items (invoice_id, service_id, description, quantity, unit_price_cents, position, taxable, tax_rate_bps)
values
  ('60000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000001', 'Carpet cleaning (3 rooms + hall)', 1, 14900, 1, true, 825),
  ('60000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000003', 'Pet stain & odor treatment', 1, 7900, 1, true, 825),
  ('60000000-0000-4000-8000-000000000002', null, 'Additional spot treatment', 2, 2500, 2, true, 825),
  ('60000000-0000-4000-8000-000000000002', null, 'Deodorizer', 1, 6000, 3, true, 825),
  ('60000000-0000-4000-8000-000000000003', '40000000-0000-4000-8000-000000000001', 'Carpet cleaning — whole apartment', 1, 14900, 1, true, 825),
  ('60000000-0000-4000-8000-000000000003', null, 'Stain protection', 1, 3000, 2, true, 825),
  ('60000000-0000-4000-8000-000000000004', '40000000-0000-4000-8000-000000000005', 'Area rug cleaning', 1, 5900, 1, true, 825),
  ('60000000-0000-4000-8000-000000000005', '40000000-0000-4000-8000-000000000001', 'Carpet cleaning (3 rooms)', 1, 14900, 1, true, 825),
  ('60000000-0000-4000-8000-000000000006', '40000000-0000-4000-8000-000000000004', 'Tile & grout cleaning', 1, 19900, 1, false, 0),
  ('60000000-0000-4000-8000-000000000007', '40000000-0000-4000-8000-000000000005', 'Area rug cleaning (hallway runner)', 1, 4500, 1, false, 0);

-- The paid invoices' payments: a card at the door and a check.
insert into public.payments (organization_id, customer_id, invoice_id, amount_cents, method, status, received_at, note, recorded_by)
select i.organization_id, i.customer_id, i.id, i.total_cents, p.method::public.payment_method, 'succeeded', i.paid_at, p.note,
  'a0000000-0000-4000-8000-000000000002'
from public.invoices i
join (values
  ('60000000-0000-4000-8000-000000000001'::uuid, 'card', 'Card terminal on site'),
  ('60000000-0000-4000-8000-000000000004'::uuid, 'check', 'Check #1042')
) as p (invoice_id, method, note) on p.invoice_id = i.id;

-- Quotes: Alice has one to answer (three packages and an optional add-on, 20 % deposit); a draft
-- for Bob is still being written.
insert into public.quotes (id, organization_id, customer_id, number, title, status, valid_until, deposit_percent, notes, terms, sent_at)
values
  ('65000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001',
   'Q-1001', 'Whole-home carpet refresh', 'draft', (now() at time zone 'America/Chicago')::date + 30, 20,
   'Pick the package that suits you; pet treatment can be added to any of them.',
   'Prices include materials. Reschedule free of charge up to 24 hours before the visit.', null),
  ('65000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002',
   'Q-1002', 'Tile & grout — kitchen and two bathrooms', 'draft', null, null, null, null, null);
update public.organizations set next_quote_number = 1003 where id = '10000000-0000-4000-8000-000000000001';

insert into public.quote_line_items (quote_id, service_id, description, quantity, unit_price_cents, taxable, tax_rate_bps, option_group, optional, selected, position)
values
  ('65000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000001', 'Good: 3 rooms', 1, 14900, true, 825, 'Package', false, true, 1),
  ('65000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000001', 'Better: 5 rooms and hall', 1, 22900, true, 825, 'Package', false, false, 2),
  ('65000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000001', 'Best: 5 rooms, hall and stain protection', 1, 28900, true, 825, 'Package', false, false, 3),
  ('65000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000003', 'Pet stain & odor treatment', 1, 7900, true, 825, null, true, false, 4),
  ('65000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000004', 'Tile & grout cleaning and sealing', 3, 19900, true, 825, null, false, true, 1);
update public.quotes set status = 'sent' where id = '65000000-0000-4000-8000-000000000001';

-- INV-1007 was due yesterday: what the every-minute job (cron `mark-overdue-invoices`) has done by now.
select public.mark_overdue_invoices();

-- Message threads (read_at set on the older ones).
insert into public.messages (organization_id, customer_id, sender_type, sender_user_id, body, read_at, created_at)
values
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'customer',
   'b0000000-0000-4000-8000-000000000001', 'Hi! Can you also treat a couple of pet stains next time?',
   now() - interval '32 days', now() - interval '33 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'staff',
   'a0000000-0000-4000-8000-000000000002', 'Of course, Alice. We''ve added pet stain treatment to your visit.',
   now() - interval '32 days', now() - interval '32 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'staff',
   'a0000000-0000-4000-8000-000000000002', 'Reminder: your upholstery cleaning is in 3 days. Please confirm in the portal.',
   null, now() - interval '2 hours'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'customer',
   'b0000000-0000-4000-8000-000000000002', 'Is parking available for your van at my building?',
   now() - interval '15 days', now() - interval '16 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'staff',
   'a0000000-0000-4000-8000-000000000002', 'Yes — we''ll use the loading zone. See you soon!',
   now() - interval '15 days', now() - interval '15 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'staff',
   'a0000000-0000-4000-8000-000000000003', 'Tom here — I''m on site and starting on the sectional now.',
   null, now() - interval '50 minutes');

insert into public.loyalty_rewards (id, organization_id, name, description, points_cost, credit_cents)
values
  ('80000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
   '$10 off your next cleaning', 'Applied to your next invoice.', 100, 1000),
  ('80000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001',
   'Free stain protection', 'One room of stain protection with any carpet cleaning.', 250, null),
  ('80000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001',
   'Free area rug cleaning', 'One area rug up to 8×10 ft.', 500, null);

-- Points besides the ones the completed jobs earned.
insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description, reward_id, created_at)
values
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 100, 'bonus',
   'Welcome bonus', null, now() - interval '119 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', -100, 'redeemed',
   'Redeemed: $10 off your next cleaning', '80000000-0000-4000-8000-000000000001', now() - interval '29 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 100, 'bonus',
   'Welcome bonus', null, now() - interval '89 days'),
  ('10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 50, 'adjustment',
   'Referral: Carol Nguyen', null, now() - interval '55 days');

-- Alice's $10 credit went onto her open invoice INV-1004, as a new invoice would take it.
with credit as (
  update public.customer_credits c set invoice_id = '60000000-0000-4000-8000-000000000002', applied_at = now() - interval '3 days'
  where c.customer_id = '30000000-0000-4000-8000-000000000001' and c.invoice_id is null
  returning c.id, c.description, c.amount_cents
)
insert into public.invoice_line_items (invoice_id, description, quantity, unit_price_cents, position, credit_id)
select '60000000-0000-4000-8000-000000000002', credit.description, 1, -credit.amount_cents, 100000, credit.id from credit;

-- Completed and paid jobs earn their points (the triggers do this as payments arrive).
select private.award_job_points(j.id) from public.jobs j where j.status = 'completed';

-- Earned points dated to their job's completion rather than to the seed run.
update public.loyalty_transactions t set created_at = j.scheduled_end
from public.jobs j where t.job_id = j.id and t.kind = 'earned';
update public.jobs set completed_at = scheduled_end where status = 'completed';
