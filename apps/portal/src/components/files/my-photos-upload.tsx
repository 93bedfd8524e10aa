'use client'

import { ATTACHMENT_BUCKETS } from '@repo/database/limits'
import { fileProblem, uploadFile } from '@repo/database/uploads'
import { formatFileSize } from '@repo/domain/attachments'
import { FileDropZone } from '@repo/ui/file-drop-zone'
import { UploadList, useUploadQueue } from '@repo/ui/upload-list'
import { useRouter } from 'next/navigation'
import { useCallback } from 'react'
import { toast } from '@repo/ui/toast'
import { prepareMyUploadAction, recordMyUploadAction } from '@/actions/uploads/upload-actions'

const limits = ATTACHMENT_BUCKETS['customer-uploads']

/** The customer adds photos to an appointment (the stain, the room) for the technician. */
export function MyPhotosUpload({ jobId }: { jobId: string }) {
  const router = useRouter()
  const check = useCallback((file: File) => fileProblem('customer-uploads', file), [])
  const upload = useCallback(
    async (file: File, onProgress: (percent: number) => void) => {
      await uploadFile(file, {
        prepare: (facts) => prepareMyUploadAction({ jobId, file: facts }),
        record: (facts, path) => recordMyUploadAction({ jobId, path, file: facts }),
        onProgress: ({ loaded, total }) => onProgress((loaded / total) * 100),
      })
      toast.success(`${file.name} added`)
      router.refresh()
    },
    [jobId, router],
  )
  const { uploads, start, dismiss } = useUploadQueue({ check, upload })
  return (
    <div className="space-y-2">
      <FileDropZone
        accept={limits.mimeTypes}
        onFiles={(files) => void start(files)}
        label="Add photos for your technician"
        hint={`A stain, a room, the way in: up to ${formatFileSize(limits.maxBytes)} each`}
      />
      <UploadList uploads={uploads} onDismiss={dismiss} />
    </div>
  )
}
