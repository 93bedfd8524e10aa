'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import { attachmentKindLabel, formatFileSize } from '@repo/domain/attachments'
import { Button } from '@repo/ui/button'

/** Photos as thumbnails (labelled before/after), other files as a list with download links. */
export function AttachmentGrid({
  attachments,
  canRemove,
  onRemove,
  removing,
}: {
  attachments: SignedAttachment[]
  canRemove?: (attachment: SignedAttachment) => boolean
  onRemove?: (attachment: SignedAttachment) => void
  removing?: string | null
}) {
  const photos = attachments.filter((a) => a.thumbnailUrl)
  const files = attachments.filter((a) => !a.thumbnailUrl)
  const remove = (a: SignedAttachment) =>
    canRemove?.(a) && onRemove ? (
      <Button
        variant="ghost"
        size="sm"
        disabled={removing === a.id}
        onClick={() => onRemove(a)}
        aria-label={`Remove ${a.name}`}
      >
        Remove
      </Button>
    ) : null
  return (
    <div className="space-y-3">
      {photos.length > 0 ? (
        <ul aria-label="Photos" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {photos.map((a) => (
            <li
              key={a.id}
              data-testid="attachment-photo"
              className="overflow-hidden rounded-lg border border-slate-200"
            >
              <a href={a.url ?? undefined} target="_blank" rel="noreferrer" className="block">
                {/* Signed, short-lived URLs from Storage: next/image would cache them past expiry. */}
                <img
                  src={a.thumbnailUrl ?? undefined}
                  alt={`${attachmentKindLabel[a.kind]} photo: ${a.name}`}
                  loading="lazy"
                  className="aspect-square w-full bg-slate-100 object-cover"
                  onError={(event) => {
                    // No image transformation on this project: show the image itself.
                    if (a.url && event.currentTarget.src !== a.url) event.currentTarget.src = a.url
                  }}
                />
              </a>
              <div className="flex items-center justify-between gap-1 px-2 py-1 text-xs">
                <span className="font-medium text-slate-800">{attachmentKindLabel[a.kind]}</span>
                {remove(a)}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul
          aria-label="Documents"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200"
        >
          {files.map((a) => (
            <li
              key={a.id}
              data-testid="attachment-file"
              className="flex items-center gap-2 px-3 py-2 text-sm"
            >
              <a
                href={a.downloadUrl ?? a.url ?? undefined}
                className="min-w-0 flex-1 truncate text-sky-800 hover:underline"
              >
                {a.name}
              </a>
              <span className="shrink-0 text-xs text-slate-600">
                {formatFileSize(a.size_bytes)}
              </span>
              {remove(a)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
