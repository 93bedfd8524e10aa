-- The delivery log lists an organization's deliveries by latest activity (a retried old e-mail
-- comes back to the top once it is sent), so that order has its index.
create index notification_outbox_org_activity_idx
  on public.notification_outbox (organization_id, updated_at desc, id desc);
