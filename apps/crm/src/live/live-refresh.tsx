'use client'

import type { ChangeFeedTable } from '@repo/domain/realtime-tables'
import { useFeedRefresh } from './use-feed-refresh.ts'

/** Drop into a server-rendered list page: it re-renders when the listed tables change. */
export function LiveRefresh({ tables }: { tables: readonly ChangeFeedTable[] }) {
  useFeedRefresh(tables)
  return null
}
