import type { ActionKind, ActionStore, QueuedAction, RecordVersion } from './types.ts'

export interface NewAction<P> {
  kind: string
  recordId: string
  payload: P
  expected: RecordVersion
}

/** Adds a change at the end of the queue with a fresh idempotency key. */
export async function enqueueAction<P>(
  store: ActionStore,
  action: NewAction<P>,
  now: Date = new Date(),
): Promise<QueuedAction<P>> {
  const last = (await store.all()).at(-1)
  const queued: QueuedAction<P> = {
    key: crypto.randomUUID(),
    seq: (last?.seq ?? 0) + 1,
    kind: action.kind,
    recordId: action.recordId,
    payload: action.payload,
    expected: action.expected,
    madeAt: now.toISOString(),
    state: 'waiting',
    failures: 0,
  }
  await store.put(queued)
  return queued
}

export interface SendReport {
  /** Changes the server took (or recognised as already taken), in order. */
  sent: { action: QueuedAction; message?: string }[]
  /** True when the server could not be reached: try again later. */
  unreachable: boolean
}

/**
 * Sends waiting changes in order of making. A conflict or a refusal holds back the later changes
 * of the same record (they were made on top of it) and lets other records' changes go; an
 * unreachable server stops the run, keeping everything for the next try.
 */
export async function sendQueued(
  store: ActionStore,
  kindOf: (kind: string) => ActionKind | undefined,
): Promise<SendReport> {
  const report: SendReport = { sent: [], unreachable: false }
  const heldBack = new Set<string>()
  for (const action of await store.all()) {
    if (action.state !== 'waiting' || heldBack.has(action.recordId)) {
      heldBack.add(action.recordId)
      continue
    }
    const kind = kindOf(action.kind)
    if (!kind) {
      await store.put({
        ...action,
        state: 'refused',
        error: `This app cannot send “${action.kind}”.`,
      })
      heldBack.add(action.recordId)
      continue
    }
    let outcome: Awaited<ReturnType<ActionKind['apply']>>
    try {
      outcome = await kind.apply(action)
    } catch {
      await store.put({ ...action, failures: action.failures + 1 })
      report.unreachable = true
      return report
    }
    if (outcome.type === 'sent') {
      await store.delete(action.key)
      if (outcome.current) await store.rememberVersion(action.recordId, outcome.current)
      report.sent.push({ action, ...(outcome.message ? { message: outcome.message } : {}) })
    } else if (outcome.type === 'conflict') {
      await store.put({ ...action, state: 'conflict', conflict: outcome.conflict })
      await store.rememberVersion(action.recordId, outcome.conflict.current)
      heldBack.add(action.recordId)
    } else {
      await store.put({ ...action, state: 'refused', error: outcome.error })
      heldBack.add(action.recordId)
    }
  }
  return report
}

/**
 * The technician's answer to a conflict on a record. "mine": the change that met the conflict is
 * made again on top of the record as it is now (and the record's later changes with it), so it
 * is sent; a further change by the office before it lands is a new conflict. "theirs": that change
 * and the record's later ones are dropped.
 */
export async function resolveConflict(
  store: ActionStore,
  recordId: string,
  choice: 'mine' | 'theirs',
): Promise<void> {
  const actions = (await store.all()).filter((a) => a.recordId === recordId)
  const first = actions.findIndex((a) => a.state === 'conflict')
  const conflicted = actions[first]
  if (!conflicted?.conflict) return
  const current = conflicted.conflict.current
  for (const action of actions.slice(first)) {
    if (choice === 'theirs') {
      await store.delete(action.key)
      continue
    }
    const { conflict: _conflict, error: _error, ...rest } = action
    await store.put({
      ...rest,
      state: 'waiting',
      // The first change now starts from the record as it is; the later ones keep their own
      // starting status (the result of the change before them) and the new time.
      expected:
        action === conflicted ? current : { ...action.expected, updatedAt: current.updatedAt },
    })
  }
}

/** A refused change goes back in line (after the cause was fixed), or is dropped. */
export async function retryOrDiscard(
  store: ActionStore,
  key: string,
  choice: 'retry' | 'discard',
): Promise<void> {
  const action = (await store.all()).find((a) => a.key === key)
  if (!action) return
  if (choice === 'discard') return store.delete(key)
  const { error: _error, ...rest } = action
  await store.put({ ...rest, state: 'waiting', failures: 0 })
}
