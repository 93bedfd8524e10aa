import { createHmac, timingSafeEqual } from 'node:crypto'
import { unsubscribeFromNotifications } from '@repo/database/repositories'
import { deliveryKey, type NotificationGroup, notificationGroups } from '@repo/domain/notifications'
import type { NotificationChannel, ServiceClient } from './types.ts'

export type { NotificationGroup }

export interface UnsubscribeClaim {
  customerId: string
  group: NotificationGroup
  channel: NotificationChannel
}

const sign = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64url')

/** `<customer>.<group>.<channel>.<hmac>`: works without signing in, only for that switch. */
export function createUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const body = `${claim.customerId}.${claim.group}.${claim.channel}`
  return `${body}.${sign(body, secret)}`
}

export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeClaim | null {
  const parts = token.split('.')
  if (parts.length !== 4) return null
  const [customerId = '', group = '', channel = '', mac = ''] = parts
  const expected = Buffer.from(sign(`${customerId}.${group}.${channel}`, secret))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  const knownGroup = notificationGroups.find((g) => g === group)
  if (!knownGroup || (channel !== 'email' && channel !== 'sms')) return null
  if (!/^[0-9a-f-]{36}$/i.test(customerId)) return null
  return { customerId, group: knownGroup, channel }
}

/** The preference switch a claim turns off (`customers.notification_preferences`). */
export const preferenceKey = (claim: Pick<UnsubscribeClaim, 'group' | 'channel'>) =>
  deliveryKey(claim.group, claim.channel)

/**
 * Applies an unsubscribe link: checks the signature, then switches that one group off on that
 * one channel. Null for a token that is not ours (tampered, truncated, another secret).
 */
export async function applyUnsubscribeToken(
  client: ServiceClient,
  token: string,
  secret: string,
): Promise<UnsubscribeClaim | null> {
  const claim = verifyUnsubscribeToken(token, secret)
  if (!claim) return null
  return (await unsubscribeFromNotifications(client, claim)) ? claim : null
}
