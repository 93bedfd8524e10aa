// The offline queue's small contract. A kind of change (a status step, a checklist tick, a
// signature, a note, a photo; extra lines later) registers how it is sent; the queue
// keeps every change made on the phone in IndexedDB and sends them in order.

/** A record as the phone saw it when a change was made (and as the server has it now). */
export interface RecordVersion {
  updatedAt: string
  status: string
}

/** One change someone else made to the record meanwhile. */
export interface ChangeByOther {
  at: string
  by: string
  changes: Record<string, { old?: unknown; new?: unknown }>
}

export interface Conflict {
  current: RecordVersion
  changes: ChangeByOther[]
}

export type QueuedState = 'waiting' | 'conflict' | 'refused'

export interface QueuedAction<P = unknown> {
  /** The idempotency key: the server applies a change with this key at most once. */
  key: string
  /** Order of making: changes are sent in this order. */
  seq: number
  kind: string
  /** The record it changes (a job): a conflict holds back that record's later changes only. */
  recordId: string
  payload: P
  /** The record as seen when the change was made: the server's conflict check compares it. */
  expected: RecordVersion
  madeAt: string
  state: QueuedState
  /** Tries that could not reach the server (no connection, server down). */
  failures: number
  conflict?: Conflict
  error?: string
}

export type ApplyOutcome =
  | { type: 'sent'; current?: RecordVersion; message?: string }
  | { type: 'conflict'; conflict: Conflict }
  | { type: 'refused'; error: string }

/**
 * How one kind of change is sent. `apply` returns the server's answer; it throws when the server
 * could not be reached, and the change is tried again later.
 */
export interface ActionKind<P = unknown> {
  kind: string
  /** What the technician reads in the list of waiting changes: "Start", "Tick “Vacuum”". */
  describe(payload: P): string
  apply(action: QueuedAction<P>): Promise<ApplyOutcome>
}

/** Where queued changes live (IndexedDB in the browser). */
export interface ActionStore {
  /** Every queued change, in order of making. */
  all(): Promise<QueuedAction[]>
  put(action: QueuedAction): Promise<void>
  delete(key: string): Promise<void>
  /** The last version of each record the server answered with (newer than a saved page, maybe). */
  knownVersions(): Promise<Record<string, RecordVersion>>
  rememberVersion(recordId: string, version: RecordVersion): Promise<void>
}
