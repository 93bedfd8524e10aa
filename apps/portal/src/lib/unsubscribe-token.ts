import 'server-only'
import { readEnv } from '@repo/database/env'
import { type UnsubscribeClaim, verifyUnsubscribeToken } from '@repo/notifications/unsubscribe'

/** The key the worker signs unsubscribe links with (absent: no link is valid). */
export function unsubscribeSecret(): string | null {
  return readEnv(['notificationsSigningSecret']).notificationsSigningSecret
}

/** The claim of a token with a good signature, or null; checking changes nothing. */
export function readUnsubscribeToken(token: string | undefined): UnsubscribeClaim | null {
  const key = unsubscribeSecret()
  return key && token ? verifyUnsubscribeToken(token, key) : null
}
