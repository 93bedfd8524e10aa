-- Realtime: postgres_changes for the portal's live views and the staff change feed.
-- REPLICA IDENTITY FULL sends the whole old row with updates and deletes, which the hooks pass
-- on as `old` and which the RLS visibility check needs to decide who may receive a delete.

alter table public.customers replica identity full;
alter table public.jobs replica identity full;
alter table public.invoices replica identity full;
alter table public.messages replica identity full;
alter table public.loyalty_transactions replica identity full;
alter table public.realtime_table_events replica identity full;

alter publication supabase_realtime add table
  public.customers,
  public.jobs,
  public.invoices,
  public.messages,
  public.loyalty_transactions,
  public.realtime_table_events;
