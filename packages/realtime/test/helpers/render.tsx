import { waitFor } from '@testing-library/react'
import { type ReactNode, StrictMode } from 'react'
import { expect } from 'vitest'
import type { Client } from '../../src/core/types.ts'
import { RealtimeProvider } from '../../src/hooks/realtime-provider.tsx'
import { settle } from './stack.ts'

/** Joins over the real stack can take a while on a loaded machine. */
export const LONG = { timeout: 15_000 }

/** A Testing Library wrapper: the provider with `client`, optionally inside StrictMode. */
export function provider(client: Client | Promise<Client>, strict = false) {
  return ({ children }: { children: ReactNode }) => {
    const tree = <RealtimeProvider client={client}>{children}</RealtimeProvider>
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
}

/** Waits until a hook reports `connected`, then lets the join settle on the server. */
export async function connected(result: { current: { status: string } }) {
  await waitFor(() => expect(result.current.status).toBe('connected'), LONG)
  await settle()
}
