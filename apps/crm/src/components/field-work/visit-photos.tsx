'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import { fileProblem, uploadFile } from '@repo/database/uploads'
import { attachmentKindLabel } from '@repo/domain/attachments'
import { UploadList, useUploadQueue } from '@repo/ui/upload-list'
import { useRouter } from 'next/navigation'
import { useCallback, useId, useRef } from 'react'
import { prepareUploadAction, recordUploadAction } from '@/actions/files/file-actions.ts'
import { AttachmentGrid } from '@/components/files/attachment-grid.tsx'

type VisitPhotoKind = 'before' | 'after'

/** Uploads one photo of a visit into the job's folder, tagged before or after. */
export async function uploadVisitPhoto(
  jobId: string,
  kind: VisitPhotoKind,
  file: File,
  onProgress: (percent: number) => void,
) {
  const target = { type: 'job' as const, id: jobId }
  return uploadFile(file, {
    prepare: (facts) => prepareUploadAction({ target, file: facts }),
    record: (facts, path) => recordUploadAction({ target, path, file: facts, kind }),
    onProgress: ({ loaded, total }) => onProgress((loaded / total) * 100),
  })
}

/**
 * Before and after photos of a visit, taken with the phone's camera (or picked from its photos),
 * as thumbnails; the customer's appointment page and the office follow them live.
 */
export function VisitPhotos({
  jobId,
  photos,
  canAdd,
}: {
  jobId: string
  photos: SignedAttachment[]
  canAdd: boolean
}) {
  const uid = useId()
  const router = useRouter()
  const check = useCallback((file: File) => fileProblem('job-photos', file), [])
  // Which button each picked file came from.
  const kinds = useRef(new WeakMap<File, VisitPhotoKind>())
  const upload = useCallback(
    async (file: File, onProgress: (percent: number) => void) => {
      await uploadVisitPhoto(jobId, kinds.current.get(file) ?? 'before', file, onProgress)
      router.refresh()
    },
    [jobId, router],
  )
  const { uploads, start, dismiss } = useUploadQueue({ check, upload })
  const shown = photos.filter(
    (p) => p.kind === 'before' || p.kind === 'after' || p.kind === 'photo',
  )
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2" data-testid="visit-photos">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Photos
      </h2>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">No photos yet.</p>
      ) : (
        <AttachmentGrid attachments={shown} />
      )}
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
                aria-label={`Take a ${attachmentKindLabel[kind].toLowerCase()} photo`}
                onChange={(e) => {
                  const files = Array.from(e.currentTarget.files ?? [])
                  e.currentTarget.value = ''
                  for (const file of files) kinds.current.set(file, kind)
                  if (files.length) void start(files)
                }}
              />
            </label>
          ))}
        </div>
      ) : null}
      <UploadList uploads={uploads} onDismiss={dismiss} />
    </section>
  )
}
