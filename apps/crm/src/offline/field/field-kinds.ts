import type { JobStatus } from '@repo/domain/jobs'

// The technician's changes on a visit that the offline queue carries: their kind names and payloads.

export type FieldStep = Extract<JobStatus, 'en_route' | 'in_progress' | 'completed'>

export interface StatusPayload {
  status: FieldStep
}
export interface TickPayload {
  item: string
  done: boolean
}
export interface CompletePayload {
  signerName: string | null
  signaturePng: string | null
}

/** A note for the office; its id is chosen on the phone, so sending it twice adds it once. */
export interface NotePayload {
  id: string
  body: string
}

export type PhotoKind = 'before' | 'after'

/** A photo kept on the phone until sent: the bytes as a Blob (IndexedDB stores Blobs). */
export interface PhotoPayload {
  /** The attachment's id: the stored object is named after it, so a retry names the same one. */
  id: string
  kind: PhotoKind
  name: string
  type: string
  file: Blob
}

export const fieldKinds = {
  status: 'job.status',
  tick: 'job.checklist',
  complete: 'job.complete',
  note: 'job.note',
  photo: 'job.photo',
} as const

/** The words on each step's button, also naming the step in the waiting list. */
export const stepLabel: Record<FieldStep, string> = {
  en_route: 'On my way',
  in_progress: 'Start',
  completed: 'Complete',
}
