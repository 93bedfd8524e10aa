'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import { fileProblem } from '@repo/database/uploads'
import { attachmentKindLabel } from '@repo/domain/attachments'
import { offlineWording } from '@repo/domain/field-work'
import { useEffect, useId, useState } from 'react'
import { toast } from 'sonner'
import { AttachmentGrid } from '@/components/files/attachment-grid.tsx'
import { fieldKinds, type PhotoKind, type PhotoPayload } from '@/offline/field/field-kinds.ts'
import { useVisit } from '@/offline/offline-visit.tsx'

/** A photo still on the phone, shown from its Blob (the URL is let go when it leaves the screen). */
function WaitingPhoto({ photo }: { photo: PhotoPayload }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    const url = URL.createObjectURL(photo.file)
    setSrc(url)
    return () => URL.revokeObjectURL(url)
  }, [photo.file])
  return (
    <li data-testid="photo-waiting" className="space-y-1">
      <div className="aspect-square overflow-hidden rounded-lg border border-amber-300 bg-amber-50">
        {src ? (
          <img
            src={src}
            alt={`${attachmentKindLabel[photo.kind]} photo: ${photo.name}`}
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <p className="text-xs text-amber-900">
        {attachmentKindLabel[photo.kind]} · {offlineWording.waiting}
      </p>
    </li>
  )
}

/**
 * Before and after photos of a visit, taken with the phone's camera (or picked from its photos),
 * as thumbnails; the customer's appointment page and the office follow them live. A new photo
 * goes through the offline queue: kept on the phone (a Blob in IndexedDB) until it is sent.
 */
export function VisitPhotos({ photos, canAdd }: { photos: SignedAttachment[]; canAdd: boolean }) {
  const uid = useId()
  const visit = useVisit()
  const sent = new Set(photos.map((p) => p.id))
  const waiting = visit.queued
    .filter((a) => a.kind === fieldKinds.photo)
    .map((a) => a.payload as PhotoPayload)
    .filter((p) => !sent.has(p.id))
  const shown = photos.filter(
    (p) => p.kind === 'before' || p.kind === 'after' || p.kind === 'photo',
  )
  const keep = async (files: File[], kind: PhotoKind) => {
    for (const file of files) {
      const problem = fileProblem('job-photos', file)
      if (problem) {
        toast.error(`${file.name}: ${problem}`)
        continue
      }
      try {
        await visit.change<PhotoPayload>(fieldKinds.photo, {
          id: crypto.randomUUID(),
          kind,
          name: file.name,
          type: file.type,
          file,
        })
      } catch (error) {
        toast.error(error instanceof Error ? error.message : 'The photo could not be kept.')
      }
    }
  }
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2" data-testid="visit-photos">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Photos
      </h2>
      {shown.length + waiting.length === 0 ? (
        <p className="text-sm text-slate-600">No photos yet.</p>
      ) : null}
      {shown.length > 0 ? <AttachmentGrid attachments={shown} /> : null}
      {waiting.length > 0 ? (
        <ul aria-label="Photos waiting to send" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {waiting.map((photo) => (
            <WaitingPhoto key={photo.id} photo={photo} />
          ))}
        </ul>
      ) : null}
      {canAdd ? (
        <div className="grid grid-cols-2 gap-2">
          {(['before', 'after'] as const).map((kind) => (
            <label
              key={kind}
              className="flex min-h-12 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-3 font-medium text-slate-900 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-sky-600"
            >
              {attachmentKindLabel[kind]} photo
              <input
                type="file"
                accept="image/*"
                capture="environment"
                className="sr-only"
                disabled={!visit.ready}
                aria-label={`Take a ${attachmentKindLabel[kind].toLowerCase()} photo`}
                onChange={(e) => {
                  const files = Array.from(e.currentTarget.files ?? [])
                  e.currentTarget.value = ''
                  if (files.length) void keep(files, kind)
                }}
              />
            </label>
          ))}
        </div>
      ) : null}
    </section>
  )
}
