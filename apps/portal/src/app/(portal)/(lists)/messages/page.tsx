import { listThread, signedMessagePhotos } from '@repo/database/repositories'
import type { Metadata } from 'next'
import { MessageThread } from '@/components/messages/message-thread'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Messages' }

export default async function MessagesPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  const messages = await listThread(supabase, customer.id)
  const photos = await signedMessagePhotos(
    supabase,
    messages.map((m) => m.id),
  )
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Messages</h1>
      <p className="text-sm text-slate-700">Your conversation with {organization.name}.</p>
      <MessageThread messages={messages} photos={photos} timeZone={organization.timezone} />
    </div>
  )
}
