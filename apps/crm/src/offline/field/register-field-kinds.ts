import type { ActionResult } from '@repo/actions/result'
import type { FieldStatusOutcome } from '@repo/database/repositories'
import { type JobStatus, jobStatusLabel } from '@repo/domain/jobs'
import { uploadToSignedUrl } from '@repo/database/uploads'
import { attachmentKindLabel } from '@repo/domain/attachments'
import { setChecklistItemAction } from '@/actions/field-work/field-work-actions.ts'
import { addJobNoteAction } from '@/actions/field-work/onsite-actions.ts'
import {
  sendQueuedCompletionAction,
  sendQueuedStatusAction,
} from '@/actions/field-work/queued-actions.ts'
import { prepareUploadAction, recordUploadAction } from '@/actions/files/file-actions.ts'
import { registerActionKind } from '../queue/registry.ts'
import type { ApplyOutcome, QueuedAction } from '../queue/types.ts'
import {
  type CompletePayload,
  fieldKinds,
  type NotePayload,
  type PhotoPayload,
  type StatusPayload,
  stepLabel,
  type TickPayload,
} from './field-kinds.ts'
import { sendPhoto } from './send-photo.ts'

// Each kind is sent through a Server Action; a call that throws (no connection) is retried by the
// queue, an answer is final.

function fromStatusOutcome(
  result: ActionResult<FieldStatusOutcome>,
  message: (status: JobStatus) => string,
): ApplyOutcome {
  if (!result.ok) return { type: 'refused', error: result.error }
  const current = { status: result.data.status, updatedAt: result.data.updatedAt }
  if (result.data.outcome === 'conflict') {
    return { type: 'conflict', conflict: { current, changes: result.data.changes } }
  }
  return { type: 'sent', current, message: message(result.data.status) }
}

export function registerFieldKinds(): void {
  registerActionKind<StatusPayload>({
    kind: fieldKinds.status,
    describe: (p) => stepLabel[p.status],
    apply: async (a: QueuedAction<StatusPayload>) =>
      fromStatusOutcome(
        await sendQueuedStatusAction({
          key: a.key,
          jobId: a.recordId,
          expected: { status: a.expected.status as JobStatus, updatedAt: a.expected.updatedAt },
          status: a.payload.status,
        }),
        (status) => `Job ${jobStatusLabel[status].toLowerCase()}`,
      ),
  })
  registerActionKind<TickPayload>({
    kind: fieldKinds.tick,
    describe: (p) => `${p.done ? 'Tick' : 'Untick'} “${p.item}”`,
    // A tick is a fact about the checklist row (job, item): sending it twice leaves one row, so
    // it needs no conflict check.
    apply: async (a: QueuedAction<TickPayload>) => {
      const result = await setChecklistItemAction({ jobId: a.recordId, ...a.payload })
      return result.ok ? { type: 'sent' } : { type: 'refused', error: result.error }
    },
  })
  registerActionKind<CompletePayload>({
    kind: fieldKinds.complete,
    describe: (p) => (p.signaturePng ? `Complete, signed by ${p.signerName}` : 'Complete'),
    apply: async (a: QueuedAction<CompletePayload>) =>
      fromStatusOutcome(
        await sendQueuedCompletionAction({
          key: a.key,
          jobId: a.recordId,
          expected: { status: a.expected.status as JobStatus, updatedAt: a.expected.updatedAt },
          ...a.payload,
        }),
        () => 'Job completed',
      ),
  })

  registerActionKind<NotePayload>({
    kind: fieldKinds.note,
    describe: (p) => `Note “${p.body.length > 40 ? `${p.body.slice(0, 39)}…` : p.body}”`,
    // The note's id was chosen on the phone: a retried send answers the note already added.
    apply: async (a: QueuedAction<NotePayload>) => {
      const result = await addJobNoteAction({
        id: a.payload.id,
        jobId: a.recordId,
        body: a.payload.body,
      })
      return result.ok ? { type: 'sent' } : { type: 'refused', error: result.error }
    },
  })

  registerActionKind<PhotoPayload>({
    kind: fieldKinds.photo,
    describe: (p) => `${attachmentKindLabel[p.kind]} photo`,
    apply: (a: QueuedAction<PhotoPayload>) =>
      sendPhoto(
        {
          prepare: prepareUploadAction,
          put: (signedUrl, file) => uploadToSignedUrl(signedUrl, file),
          record: recordUploadAction,
        },
        a,
      ),
  })
}
