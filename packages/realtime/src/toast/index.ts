// Friendly toasts for significant changes (sonner): both apps render sonner's <Toaster />.
// The wording lives with each entity in @repo/domain; it is re-exported here for toast callers.
export {
  type ChangeNotice,
  customerNotice,
  describeChange,
  type NotifyingTable as NotifiableTable,
} from '@repo/domain/realtime-tables'
export * from './notify-change.ts'
