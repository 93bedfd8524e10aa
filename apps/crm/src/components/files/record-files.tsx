'use client'

import { ATTACHMENT_BUCKETS } from '@repo/database/limits'
import type { SignedAttachment } from '@repo/database/repositories'
import { fileProblem, uploadFile } from '@repo/database/uploads'
import type { AttachmentKind } from '@repo/database/types'
import {
  attachmentKindLabel,
  formatFileSize,
  jobPhotoKinds,
  type JobPhotoKind,
} from '@repo/domain/attachments'
import { FileDropZone } from '@repo/ui/file-drop-zone'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { NativeSelect } from '@repo/ui/native-select'
import { UploadList, useUploadQueue } from '@repo/ui/upload-list'
import { can } from '@repo/domain/staff'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { toast } from '@repo/ui/toast'
import {
  listFilesAction,
  prepareUploadAction,
  recordUploadAction,
  removeFileAction,
} from '@/actions/files/file-actions.ts'
import type { FileTarget } from '@/actions/files/schema.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { AttachmentGrid } from './attachment-grid.tsx'

/**
 * A job's photos or a quote's or invoice's documents: the list (loaded when shown), drag and drop
 * or pick to add with a progress bar per file, and removal after a confirmation.
 */
export function RecordFiles({ target: given, title }: { target: FileTarget; title: string }) {
  const { role, userId } = useStaffSession()
  // One target per record, whatever object the parent passes on each render.
  const target = useMemo(() => given, [given.type, given.id])
  const canAdd = can(role, target.type === 'job' ? 'jobs.photos' : 'quotes.manage')
  // Office roles remove any file; others only what they added (RLS says the same).
  const canRemoveAny = can(role, 'quotes.manage')
  const [attachments, setAttachments] = useState<SignedAttachment[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [kind, setKind] = useState<JobPhotoKind>('before')
  const [asked, setAsked] = useState<SignedAttachment | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const result = await listFilesAction({ target })
    if (result.ok) {
      setAttachments(result.data)
      setLoadError(null)
    } else setLoadError(result.error)
  }, [target])
  useEffect(() => {
    void reload()
  }, [reload])

  const bucket = target.type === 'job' ? 'job-photos' : 'documents'
  const limits = ATTACHMENT_BUCKETS[bucket]
  const check = useCallback((file: File) => fileProblem(bucket, file), [bucket])
  const upload = useCallback(
    async (file: File, onProgress: (percent: number) => void) => {
      await uploadFile(file, {
        prepare: (facts) => prepareUploadAction({ target, file: facts }),
        record: (facts, path) =>
          recordUploadAction({
            target,
            path,
            file: facts,
            kind: target.type === 'job' ? kind : 'document',
          }),
        onProgress: ({ loaded, total }) => onProgress((loaded / total) * 100),
      })
      await reload()
    },
    [target, kind, reload],
  )
  const { uploads, start, dismiss } = useUploadQueue({ check, upload })
  const remove = async (a: SignedAttachment) => {
    setRemoving(a.id)
    const result = await removeFileAction({ attachmentId: a.id })
    setRemoving(null)
    if (result.ok) {
      toast.success(`${a.name} removed`)
      setAttachments((all) => all?.filter((x) => x.id !== a.id) ?? null)
    } else toast.error(result.error)
  }

  return (
    <section aria-label={title} className="space-y-2" data-testid="record-files">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {loadError ? (
        <p role="alert" className="text-sm text-red-800">
          {loadError}
        </p>
      ) : null}
      {attachments === null && !loadError ? (
        <p className="text-sm text-slate-600">Loading files…</p>
      ) : null}
      {attachments?.length === 0 ? <p className="text-sm text-slate-600">No files yet.</p> : null}
      {attachments && attachments.length > 0 ? (
        <AttachmentGrid
          attachments={attachments}
          canRemove={(a) => canRemoveAny || a.created_by === userId}
          onRemove={setAsked}
          removing={removing}
        />
      ) : null}
      {canAdd ? (
        <div className="space-y-2">
          {target.type === 'job' ? (
            <div className="flex items-center gap-2 text-sm text-slate-800">
              <label htmlFor={`photo-kind-${target.id}`} className="whitespace-nowrap">
                New photos are
              </label>
              <NativeSelect
                id={`photo-kind-${target.id}`}
                value={kind}
                onChange={(event) => setKind(event.currentTarget.value as JobPhotoKind)}
                size="sm"
              >
                {jobPhotoKinds.map((k) => (
                  <option key={k} value={k}>
                    {attachmentKindLabel[k as AttachmentKind]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
          <FileDropZone
            accept={limits.mimeTypes}
            onFiles={(files) => void start(files)}
            label={target.type === 'job' ? 'Add photos' : 'Add documents'}
            hint={`Drop files here or choose them; up to ${formatFileSize(limits.maxBytes)} each`}
          />
        </div>
      ) : null}
      <UploadList uploads={uploads} onDismiss={dismiss} />
      <LazyConfirmDialog
        open={asked !== null}
        onOpenChange={(open) => !open && setAsked(null)}
        title="Remove this file?"
        description={asked ? `${asked.name} will be deleted for staff and the customer.` : ''}
        confirmLabel="Remove file"
        cancelLabel="Keep it"
        onConfirm={() => {
          if (asked) void remove(asked)
          setAsked(null)
        }}
      />
    </section>
  )
}
