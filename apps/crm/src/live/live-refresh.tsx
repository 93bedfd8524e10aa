'use client'

import type { TableName } from '@repo/database/types'
import { useFeedRefresh } from './use-feed-refresh.ts'

/** Drop into a server-rendered list page: it re-renders when the listed tables change. */
export function LiveRefresh({ tables }: { tables: readonly TableName[] }) {
  useFeedRefresh(tables)
  return null
}
