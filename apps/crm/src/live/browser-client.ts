'use client'

import { createClient } from '@repo/database/client'
import { useState } from 'react'

/** One browser client per component tree (the underlying factory reuses a singleton anyway). */
export function useBrowserClient() {
  const [client] = useState(() => createClient())
  return client
}
