'use client'

import type { ChangeFeedTable } from '@repo/domain/realtime-tables'
import { useFeedRefresh } from './use-feed-refresh.ts'

/**
 * Drop into a server-rendered page: it re-renders when the listed tables change (a record page:
 * only when `recordId` does).
 */
export function LiveRefresh({ tables, recordId }: { tables: readonly ChangeFeedTable[]; recordId?: string }) {
  useFeedRefresh(tables, recordId)
  return null
}
