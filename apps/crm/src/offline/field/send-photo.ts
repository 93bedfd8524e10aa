import type { ActionResult } from '@repo/actions/result'
import { type UploadFacts, UploadRefusedError } from '@repo/database/uploads'
import { attachmentKindLabel } from '@repo/domain/attachments'
import type { ApplyOutcome, QueuedAction } from '../queue/types.ts'
import type { PhotoKind, PhotoPayload } from './field-kinds.ts'

type JobTarget = { type: 'job'; id: string }

/** The three steps of a photo upload: the Server Actions and the signed-URL PUT. */
export interface PhotoSteps {
  prepare(input: {
    id: string
    target: JobTarget
    file: UploadFacts
  }): Promise<ActionResult<{ signedUrl: string | null; path: string }>>
  /** Throws UploadRefusedError when Storage answers no, another error when it was not reached. */
  put(signedUrl: string, file: Blob): Promise<void>
  record(input: {
    id: string
    target: JobTarget
    path: string
    file: UploadFacts
    kind: PhotoKind
  }): Promise<ActionResult<unknown>>
}

/**
 * Sends one queued photo. Every step is safe to repeat, as the queue repeats an action whose
 * answer was lost: the object is named after the attachment's id (the server answers "already
 * stored" with no URL) and recording the same id again answers the row already there.
 */
export async function sendPhoto(
  steps: PhotoSteps,
  action: QueuedAction<PhotoPayload>,
): Promise<ApplyOutcome> {
  const { id, kind, name, type, file } = action.payload
  const target: JobTarget = { type: 'job', id: action.recordId }
  const facts = { name, type, size: file.size }
  const prepared = await steps.prepare({ id, target, file: facts })
  if (!prepared.ok) return { type: 'refused', error: prepared.error }
  if (prepared.data.signedUrl) {
    try {
      await steps.put(prepared.data.signedUrl, file)
    } catch (error) {
      if (error instanceof UploadRefusedError) return { type: 'refused', error: error.message }
      throw error
    }
  }
  const recorded = await steps.record({ id, target, path: prepared.data.path, file: facts, kind })
  if (!recorded.ok) return { type: 'refused', error: recorded.error }
  return { type: 'sent', message: `${attachmentKindLabel[kind]} photo added` }
}
