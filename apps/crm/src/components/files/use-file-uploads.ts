'use client'

import { ATTACHMENT_BUCKETS } from '@repo/database/limits'
import type { AttachmentRow } from '@repo/database/types'
import { uploadToSignedUrl } from '@repo/database/uploads'
import { formatFileSize } from '@repo/domain/attachments'
import { useCallback, useState } from 'react'
import { prepareUploadAction, recordUploadAction } from '@/actions/files/file-actions.ts'
import type { FileTarget } from '@/actions/files/schema.ts'

export interface UploadState {
  key: string
  name: string
  /** 0 to 100. */
  percent: number
  status: 'uploading' | 'failed'
  error?: string
}

export const bucketLimits = (target: FileTarget) =>
  ATTACHMENT_BUCKETS[target.type === 'job' ? 'job-photos' : 'documents']

/** Why a file cannot go into the target's bucket, before anything is sent (Storage says the same). */
function refusal(target: FileTarget, file: File): string | null {
  const limits = bucketLimits(target)
  if (!(limits.mimeTypes as readonly string[]).includes(file.type)) {
    return target.type === 'job'
      ? 'Only photos can be added to a job'
      : 'This type of file is not accepted'
  }
  if (file.size > limits.maxBytes) return `Larger than ${formatFileSize(limits.maxBytes)}`
  return null
}

let counter = 0

/**
 * Uploads files one by one to signed upload URLs with progress (storage-js reports none), then
 * lists each; failed ones stay with their reason until dismissed.
 */
export function useFileUploads(
  target: FileTarget,
  kind: AttachmentRow['kind'],
  onUploaded: (attachment: AttachmentRow) => void,
) {
  const [uploads, setUploads] = useState<UploadState[]>([])
  const update = (key: string, patch: Partial<UploadState>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)))

  const uploadOne = useCallback(
    async (file: File) => {
      const key = `upload-${++counter}`
      const facts = { name: file.name, type: file.type, size: file.size }
      const problem = refusal(target, file)
      setUploads((all) => [
        ...all,
        {
          key,
          name: file.name,
          percent: 0,
          status: problem ? 'failed' : 'uploading',
          ...(problem ? { error: problem } : {}),
        },
      ])
      if (problem) return
      try {
        const prepared = await prepareUploadAction({ target, file: facts })
        if (!prepared.ok) throw new Error(prepared.error)
        await uploadToSignedUrl(prepared.data.signedUrl, file, {
          onProgress: ({ loaded, total }) => update(key, { percent: (loaded / total) * 100 }),
        })
        const recorded = await recordUploadAction({
          target,
          path: prepared.data.path,
          file: facts,
          kind: kind === 'customer_upload' ? 'photo' : kind,
        })
        if (!recorded.ok) throw new Error(recorded.error)
        setUploads((all) => all.filter((u) => u.key !== key))
        onUploaded(recorded.data)
      } catch (error) {
        update(key, {
          status: 'failed',
          error: error instanceof Error ? error.message : 'The upload failed',
        })
      }
    },
    [target, kind, onUploaded],
  )

  const start = useCallback(
    async (files: File[]) => {
      for (const file of files) await uploadOne(file)
    },
    [uploadOne],
  )
  const dismiss = (key: string) => setUploads((all) => all.filter((u) => u.key !== key))
  return { uploads, start, dismiss }
}
