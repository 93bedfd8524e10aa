import type { TableInfo } from './schema-cache.ts'
import { type Subscriber, subscriberKey } from './tokens.ts'

/** One change's question: which of these subscribers may SELECT the row with these key values? */
export interface RowQuestion {
  keyValues: string[]
  xid: number
  subscribers: Subscriber[]
}

/**
 * The arguments of one batched check: each distinct identity once (`roles`, `claims`), with the
 * key values of the `wantedCounts` rows it asks about as one array literal per identity (`keys`),
 * so the check hands each identity its own list without slicing a shared one.
 */
export interface RowCheckCall {
  keys: string[]
  roles: string[]
  claims: string[]
  wantedCounts: number[]
  xids: number[]
}

/** A Postgres array literal of text values (every element quoted, so any text survives). */
export function textArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`
}

/**
 * Groups the questions of one batch by identity, so an identity that several changes reach is
 * switched to once and asks about all its rows in one lookup. The identities are split into calls
 * of at least `split.minIdentities` each, at most `split.maxCalls` of them (run side by side on
 * separate connections); `answers` maps
 * the calls' results (one boolean per row asked about, call by call) back to each question's
 * subscribers.
 */
export function planRowChecks(
  questions: RowQuestion[],
  split: { maxCalls: number; minIdentities: number },
): {
  calls: RowCheckCall[]
  answers(results: boolean[][]): boolean[][]
} {
  const identities = new Map<string, { subscriber: Subscriber; asks: Array<[number, number]> }>()
  questions.forEach((question, q) => {
    question.subscribers.forEach((subscriber, s) => {
      const key = subscriberKey(subscriber)
      let identity = identities.get(key)
      if (!identity) {
        identity = { subscriber, asks: [] }
        identities.set(key, identity)
      }
      identity.asks.push([q, s])
    })
  })
  // Identities of one role together: the check switches role only when it changes.
  const ordered = [...identities.values()].sort((a, b) =>
    a.subscriber.role < b.subscriber.role ? -1 : a.subscriber.role > b.subscriber.role ? 1 : 0,
  )
  const parts = Math.max(
    1,
    Math.min(split.maxCalls, Math.floor(ordered.length / split.minIdentities)),
  )
  const size = Math.ceil(ordered.length / parts)
  const groups: (typeof ordered)[] = []
  for (let at = 0; at < ordered.length; at += size) groups.push(ordered.slice(at, at + size))
  const calls = groups.map(
    (group): RowCheckCall => ({
      keys: group.map((i) =>
        textArrayLiteral(i.asks.flatMap(([q]) => (questions[q] as RowQuestion).keyValues)),
      ),
      roles: group.map((i) => i.subscriber.role),
      claims: group.map((i) => i.subscriber.claimsJson),
      wantedCounts: group.map((i) => i.asks.length),
      xids: [
        ...new Set(group.flatMap((i) => i.asks.map(([q]) => (questions[q] as RowQuestion).xid))),
      ],
    }),
  )
  return {
    calls,
    answers(results) {
      const out = questions.map((q) => q.subscribers.map(() => false))
      groups.forEach((group, g) => {
        const flat = results[g] ?? []
        let at = 0
        for (const identity of group) {
          for (const [q, s] of identity.asks) {
            const row = out[q] as boolean[]
            row[s] = flat[at] === true
            at += 1
          }
        }
      })
      return out
    },
  }
}

interface Waiting extends RowQuestion {
  resolve(visible: boolean[]): void
}

interface TableQueue {
  table: TableInfo
  waiting: Waiting[]
  running: boolean
}

/**
 * Collects the row checks of one table while a check of that table is running, and sends them
 * together as soon as it finishes: under load a round trip covers many changes, and an idle feed
 * still checks each change at once.
 */
export class RowCheckBatcher {
  private queues = new Map<string, TableQueue>()

  constructor(
    /** Runs one batch: one answer per question, each a verdict per subscriber. */
    private readonly check: (table: TableInfo, questions: RowQuestion[]) => Promise<boolean[][]>,
    /** Rows per round trip at most. */
    private readonly maxRows: number,
  ) {}

  ask(table: TableInfo, question: RowQuestion): Promise<boolean[]> {
    // The key columns are part of the queue's name: a table redefined meanwhile gets its own batch.
    const name = `${table.oid}\u0000${table.keyColumns.join('\u0000')}`
    let queue = this.queues.get(name)
    if (!queue) {
      queue = { table, waiting: [], running: false }
      this.queues.set(name, queue)
    }
    const answer = new Promise<boolean[]>((resolve) => queue.waiting.push({ ...question, resolve }))
    // Questions asked in this same tick (one transaction's changes) still join the first batch.
    if (!queue.running) {
      queue.running = true
      queueMicrotask(() => void this.drain(name, queue))
    }
    return answer
  }

  private async drain(name: string, queue: TableQueue): Promise<void> {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, this.maxRows)
      // A batch that cannot be checked is withheld, never left waiting (delivery waits on it).
      const answers = await this.check(queue.table, batch).catch(() => [])
      for (const [i, question] of batch.entries()) {
        question.resolve(answers[i] ?? question.subscribers.map(() => false))
      }
    }
    queue.running = false
    if (this.queues.get(name) === queue) this.queues.delete(name)
  }
}
