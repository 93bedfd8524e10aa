// Framework-free realtime core: usable from any client code, no React.
export * from './auth-sync.ts'
export {
  createFeedCatchUp,
  DEFAULT_CATCH_UP_MAX_ENTRIES,
  DEFAULT_CATCH_UP_PAGE_SIZE,
  DEFAULT_CATCH_UP_SETTLE_MS,
  type FeedCatchUp,
  type FeedCatchUpConfig,
} from './catch-up.ts'
export {
  type ChannelSpec,
  type PostgresBinding,
  type RawChangePayload,
  subscribeToChannel,
  uniqueTopic,
} from './channel-subscription.ts'
export * from './customer-subscriptions.ts'
export * from './presence.ts'
export * from './rooms.ts'
export * from './status-store.ts'
export * from './typing.ts'
export * from './types.ts'
export * from './technician-position.ts'
export * from './uuid.ts'
