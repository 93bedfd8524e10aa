-- The CRM's first-run checklist stays until every step is done or an owner or admin hides it.
alter table public.organizations add column setup_completed_at timestamptz;
