// The channel code the hooks open subscriptions with. Loaded after hydration, beside the Supabase
// client (`loadRealtimeCore`), so it is not part of any page's first-load JavaScript; the hooks
// report "connecting" until both are here.
export {
  subscribeToAll,
  subscribeToChangeFeed,
  subscribeToInvoiceUpdates,
  subscribeToJobUpdates,
  subscribeToLoyaltyUpdates,
  subscribeToMessageUpdates,
  subscribeToOrganizationUpdates,
  subscribeToRecord,
} from './customer-subscriptions.ts'
export { trackPresence, watchPresence } from './presence.ts'
export { subscribeToTechnicianPosition } from './technician-position.ts'
export { subscribeToTyping } from './typing.ts'
