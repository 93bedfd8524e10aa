'use client'

import { ConnectionStatus } from '@repo/realtime'

/** Always visible in the header: customers can tell the page is live. */
export function LiveConnectionStatus() {
  return <ConnectionStatus variant="badge" showLabel />
}
