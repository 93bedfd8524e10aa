-- Staff read their organization's deliveries (the delivery log) and customers their own, but no
-- longer the payload: a review request's payload carries the customer's review link token, and
-- whoever holds it can rate the visit in the customer's name on the review page. The worker reads
-- payloads with the service role; nothing in the apps reads them as a user.
revoke select on public.notification_outbox from authenticated;
grant select (id, organization_id, customer_id, staff_member_id, event, event_group, channel,
              recipient, record_table, record_id, idempotency_key, status, due_at, attempts,
              max_attempts, locked_until, last_error, provider_message_id, sent_at, created_at,
              updated_at)
  on public.notification_outbox to authenticated;
