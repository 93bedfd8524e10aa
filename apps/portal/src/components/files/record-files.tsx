import type { AttachmentScope } from '@repo/database/repositories'
import type { Client } from '@repo/database/types'
import { listAttachments, signAttachments, THUMBNAIL_WIDTH } from '@repo/database/repositories'
import { Card, CardHeader } from '@repo/ui/card'
import { AttachmentGallery } from './attachment-gallery'

/**
 * A job's photos or a quote's or invoice's documents, signed for this render. Nothing shows when
 * there are none; a new one appears live (the portal's channel refreshes the page on attachments).
 */
export async function RecordFiles({
  supabase,
  scope,
  title,
  id,
}: {
  supabase: Client
  scope: AttachmentScope
  title: string
  id: string
}) {
  const rows = (await listAttachments(supabase, scope)).filter((a) => a.kind !== 'customer_upload')
  if (rows.length === 0) return null
  const attachments = await signAttachments(supabase, rows, { thumbnailWidth: THUMBNAIL_WIDTH })
  return (
    <Card aria-labelledby={id} data-testid="record-files">
      <CardHeader id={id} title={title} />
      <AttachmentGallery attachments={attachments} />
    </Card>
  )
}
