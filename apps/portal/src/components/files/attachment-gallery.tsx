'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import { attachmentKindLabel, formatFileSize, photoGallery } from '@repo/domain/attachments'

const groupTitle = { before: 'Before', after: 'After', photo: 'Other photos' } as const

/** Before and after photos side by side in groups, then documents with download links. */
export function AttachmentGallery({ attachments }: { attachments: SignedAttachment[] }) {
  const photos = attachments.filter((a) => a.thumbnailUrl)
  const groups = [
    ...photoGallery(photos).map((g) => ({ title: groupTitle[g.kind], photos: g.photos })),
    { title: 'Your photos', photos: photos.filter((a) => a.kind === 'customer_upload') },
  ].filter((g) => g.photos.length > 0)
  const documents = attachments.filter((a) => !a.thumbnailUrl)
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">{group.title}</h3>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {group.photos.map((a) => (
              <li
                key={a.id}
                data-testid="gallery-photo"
                className="overflow-hidden rounded-lg border border-slate-200"
              >
                <a href={a.url ?? undefined} target="_blank" rel="noreferrer" className="block">
                  {/* Signed, short-lived Storage URLs: re-signed on every render of the page. */}
                  <img
                    src={a.thumbnailUrl ?? undefined}
                    alt={
                      a.kind === 'customer_upload'
                        ? `Your photo: ${a.name}`
                        : `${attachmentKindLabel[a.kind]} photo: ${a.name}`
                    }
                    loading="lazy"
                    className="aspect-square w-full bg-slate-100 object-cover"
                    onError={(event) => {
                      // No image transformation on this project: show the image itself.
                      if (a.url && event.currentTarget.src !== a.url)
                        event.currentTarget.src = a.url
                    }}
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {documents.length > 0 ? (
        <ul
          aria-label="Documents"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200"
        >
          {documents.map((a) => (
            <li
              key={a.id}
              data-testid="gallery-document"
              className="flex items-center gap-2 px-3 py-2 text-sm"
            >
              <a
                href={a.downloadUrl ?? a.url ?? undefined}
                className="min-w-0 flex-1 truncate text-sky-800 underline"
              >
                {a.name}
              </a>
              <span className="shrink-0 text-xs text-slate-700">
                {formatFileSize(a.size_bytes)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
