import { deliveryChannelPhrase, notificationGroupTopic } from '@repo/domain/notifications'
import type { Metadata } from 'next'
import Link from 'next/link'
import { InvalidLink, UnsubscribeShell } from '@/components/unsubscribe/unsubscribe-shell'
import { readUnsubscribeToken } from '@/lib/unsubscribe-token'

export const metadata: Metadata = { title: 'Unsubscribed', robots: { index: false } }

/** Where the unsubscribe button lands after /unsubscribe/confirm applied the link. */
export default async function UnsubscribedPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>
}) {
  const claim = readUnsubscribeToken((await searchParams).token)
  if (!claim) return <InvalidLink />
  return (
    <UnsubscribeShell title="You are unsubscribed">
      <p className="text-sm text-slate-700">
        You will no longer get {notificationGroupTopic[claim.group]}{' '}
        {deliveryChannelPhrase[claim.channel]}. Other messages are not affected; you can switch them
        back on in your{' '}
        <Link href="/profile" className="font-medium text-sky-800 underline">
          profile
        </Link>
        .
      </p>
    </UnsubscribeShell>
  )
}
