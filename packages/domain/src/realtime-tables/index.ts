export type { ChangeNotice, NoticeType, StatusTone } from '../notice.ts'
export * from './customer-toasts.ts'
export * from './describe-change.ts'
export * from './registry.ts'
