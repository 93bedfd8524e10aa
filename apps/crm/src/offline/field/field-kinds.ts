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

export const fieldKinds = {
  status: 'job.status',
  tick: 'job.checklist',
  complete: 'job.complete',
} as const

/** The words on each step's button, also naming the step in the waiting list. */
export const stepLabel: Record<FieldStep, string> = {
  en_route: 'On my way',
  in_progress: 'Start',
  completed: 'Complete',
}
