import type { AttachmentScope } from '@repo/database/repositories'
import type { Client } from '@repo/database/types'
import { listAttachments, signAttachments, THUMBNAIL_WIDTH } from '@repo/database/repositories'
import { Card, CardHeader } from '@repo/ui/card'
import type { ReactNode } from 'react'
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
  children,
}: {
  supabase: Client
  scope: AttachmentScope
  title: string
  id: string
  /** What the customer can add (shown even before there are files). */
  children?: ReactNode
}) {
  const rows = await listAttachments(supabase, scope)
  if (rows.length === 0 && !children) return null
  const attachments = await signAttachments(supabase, rows, { thumbnailWidth: THUMBNAIL_WIDTH })
  return (
    <Card aria-labelledby={id} data-testid="record-files">
      <CardHeader id={id} title={title} />
      <div className="space-y-4">
        {rows.length > 0 ? <AttachmentGallery attachments={attachments} /> : null}
        {children}
      </div>
    </Card>
  )
}
