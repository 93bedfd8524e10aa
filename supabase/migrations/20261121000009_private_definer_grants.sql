-- The security definer helpers in `private` run only from triggers and from the public rpc
-- functions (which run as their owner), so the API roles need no EXECUTE on them: should the
-- schema ever be exposed, nobody could call them directly.
revoke execute on function
  private.authorize_customer(uuid, boolean, public.staff_role[]),
  private.lock_job_for_action(uuid),
  private.assert_customer_may_change(public.jobs, text, boolean),
  private.jobs_award_points(),
  private.invoices_prepare(),
  private.invoice_line_items_sync_invoice(),
  private.loyalty_transactions_check_balance(),
  private.record_change()
from authenticated, service_role;
