import type { Client, Unsubscribe } from './types.ts'

/**
 * Keeps the realtime socket's token current: on sign-in and on every token refresh the new access
 * token is handed to `realtime.setAuth`, so channels stay authorized (and RLS-filtered) after the
 * first token expires.
 */
export function syncRealtimeAuth(client: Client): Unsubscribe {
  let subscription: { unsubscribe(): void }
  try {
    subscription = client.auth.onAuthStateChange((event, session) => {
      if (!session) return
      if (event === 'SIGNED_IN' || event === 'TOKEN_REFRESHED' || event === 'INITIAL_SESSION') {
        if (client.realtime.accessTokenValue !== session.access_token) {
          void client.realtime.setAuth(session.access_token)
        }
      }
    }).data.subscription
  } catch {
    // A client built with the `accessToken` option has no auth API; its callback feeds realtime.
    return () => undefined
  }
  return () => subscription.unsubscribe()
}
