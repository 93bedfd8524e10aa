'use client'

import { ConnectionStatus } from '@repo/realtime'

/**
 * Whether this tab is receiving live changes: the worst status of every realtime hook on the page
 * (the shell's notification feeds always count, so it is never empty). It renders
 * `data-live-status`, which the browser tests wait on.
 */
export function OrgLiveStatus() {
  return <ConnectionStatus variant="badge" />
}
