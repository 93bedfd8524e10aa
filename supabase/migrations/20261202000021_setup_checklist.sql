-- The CRM's first-run checklist stays until every step is done or an owner or admin hides it.
-- Its "settings" step ticks once the settings were saved (updated_at also moves with every new
-- invoice number, so it cannot tell).
alter table public.organizations
  add column setup_completed_at timestamptz,
  add column settings_saved_at timestamptz;
