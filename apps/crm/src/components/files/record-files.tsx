'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import type { AttachmentKind } from '@repo/database/types'
import {
  attachmentKindLabel,
  formatFileSize,
  jobPhotoKinds,
  type JobPhotoKind,
} from '@repo/domain/attachments'
import { Button } from '@repo/ui/button'
import { FileDropZone } from '@repo/ui/file-drop-zone'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { NativeSelect } from '@repo/ui/native-select'
import { Progress } from '@repo/ui/progress'
import { can } from '@repo/domain/staff'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { toast } from 'sonner'
import { listFilesAction, removeFileAction } from '@/actions/files/file-actions.ts'
import type { FileTarget } from '@/actions/files/schema.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { AttachmentGrid } from './attachment-grid.tsx'
import { bucketLimits, useFileUploads } from './use-file-uploads.ts'

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

  const { uploads, start, dismiss } = useFileUploads(
    target,
    target.type === 'job' ? kind : 'document',
    () => {
      void reload()
    },
  )
  const limits = bucketLimits(target)
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
              <label htmlFor={`photo-kind-${target.id}`}>New photos are</label>
              <NativeSelect
                id={`photo-kind-${target.id}`}
                value={kind}
                onChange={(event) => setKind(event.currentTarget.value as JobPhotoKind)}
                className="w-auto"
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
      {uploads.length > 0 ? (
        <ul aria-label="Uploads" className="space-y-2">
          {uploads.map((u) => (
            <li key={u.key} className="space-y-1 text-sm" data-testid="upload">
              <div className="flex items-center justify-between gap-2">
                <span className="min-w-0 truncate">{u.name}</span>
                {u.status === 'failed' ? (
                  <Button variant="ghost" size="sm" onClick={() => dismiss(u.key)}>
                    Dismiss
                  </Button>
                ) : (
                  <span className="text-xs text-slate-600">{Math.round(u.percent)}%</span>
                )}
              </div>
              <Progress
                value={u.status === 'failed' ? 100 : u.percent}
                tone={u.status === 'failed' ? 'danger' : 'default'}
                label={`Uploading ${u.name}`}
              />
              {u.error ? (
                <p role="alert" className="text-xs text-red-800">
                  {u.name}: {u.error}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
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
