// Framework-free realtime core: usable from any client code, no React.
export * from './auth-sync.ts'
export {
  type ChannelSpec,
  type PostgresBinding,
  type RawChangePayload,
  subscribeToChannel,
  uniqueTopic,
} from './channel-subscription.ts'
export * from './customer-subscriptions.ts'
export * from './presence.ts'
export * from './status-store.ts'
export * from './typing.ts'
export * from './types.ts'
