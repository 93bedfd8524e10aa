import { deliveryChannelPhrase, notificationGroupTopic } from '@repo/domain/notifications'
import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import { InvalidLink, UnsubscribeShell } from '@/components/unsubscribe/unsubscribe-shell'
import { readUnsubscribeToken } from '@/lib/unsubscribe-token'

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } }

/**
 * The unsubscribe link of notification e-mails: no sign-in, the signed token is the proof. Opening
 * it only asks (mail scanners open links); the button posts to /unsubscribe/confirm, which applies
 * it. Mail clients' RFC 8058 one-click POST to this address is routed there too (proxy.ts).
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>
}) {
  const { token } = await searchParams
  const claim = readUnsubscribeToken(token)
  if (!claim || !token) return <InvalidLink />
  return (
    <UnsubscribeShell
      title={`Stop ${notificationGroupTopic[claim.group]} ${deliveryChannelPhrase[claim.channel]}?`}
    >
      <p className="text-sm text-slate-700">
        Other messages stay as they are; you can switch this back on in your profile.
      </p>
      <form method="post" action="/unsubscribe/confirm">
        <input type="hidden" name="token" value={token} />
        <Button type="submit">Unsubscribe</Button>
      </form>
    </UnsubscribeShell>
  )
}
