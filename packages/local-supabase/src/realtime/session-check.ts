import type pg from 'pg'
import type { Logger } from '../log.ts'
import type { Subscriber } from './tokens.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The auth user (and session) a token names, when it names one this database knows about. */
interface AuthIdentity {
  userId: string
  sessionId: string | null
}

function authIdentity(subscriber: Subscriber): AuthIdentity | null {
  const { sub, session_id } = subscriber.claims
  if (typeof sub !== 'string' || !UUID.test(sub)) return null
  return {
    userId: sub,
    sessionId: typeof session_id === 'string' && UUID.test(session_id) ? session_id : null,
  }
}

function identityKey(identity: AuthIdentity): string {
  return `${identity.userId}/${identity.sessionId ?? ''}`
}

// GoTrue's rules: a deleted (or soft-deleted) user and a banned one cannot act, and a token whose
// session_id names no live session (signed out, revoked, past not_after) is no longer valid.
// Every token GoTrue issues names its session; one without a session_id was made elsewhere (a
// test, a script holding the secret), so a user missing from auth.users only ends it when it
// names a session.
const ENDED_SQL = `
select i.ord::int as ord,
       case
         when u.id is null and i.session_id is not null then 'User not found'
         when u.deleted_at is not null then 'User not found'
         when u.banned_until > now() then 'User is banned'
         when i.session_id is not null and not exists (
           select 1 from auth.sessions s
            where s.id = i.session_id and s.user_id = i.user_id
              and (s.not_after is null or s.not_after > now())
         ) then 'Session has ended'
       end as ended
  from unnest($1::uuid[], $2::uuid[]) with ordinality as i(user_id, session_id, ord)
  left join auth.users u on u.id = i.user_id`

/**
 * Whether the users and sessions that realtime tokens name are still live. A JWT stays valid
 * until it expires; this is what ends realtime access at sign-out, ban or deletion.
 */
export class SessionCheck {
  constructor(private readonly pool: pg.Pool) {}

  /** Why each subscriber's session has ended (null while live), in one query for all of them. */
  async endedReasons(subscribers: Subscriber[]): Promise<Array<string | null>> {
    const identities = new Map<string, AuthIdentity>()
    const keys = subscribers.map((subscriber) => {
      const identity = authIdentity(subscriber)
      if (!identity) return null
      const key = identityKey(identity)
      identities.set(key, identity)
      return key
    })
    if (identities.size === 0) return subscribers.map(() => null)
    const list = [...identities.values()]
    const { rows } = await this.pool.query<{ ord: number; ended: string | null }>(ENDED_SQL, [
      list.map((i) => i.userId),
      list.map((i) => i.sessionId),
    ])
    const ended = new Map<string, string | null>()
    for (const row of rows) {
      const identity = list[row.ord - 1]
      if (identity) ended.set(identityKey(identity), row.ended)
    }
    return keys.map((key) => (key === null ? null : (ended.get(key) ?? null)))
  }

  async endedReason(subscriber: Subscriber): Promise<string | null> {
    return (await this.endedReasons([subscriber]))[0] ?? null
  }
}

/** What the periodic check needs from a joined channel. */
export interface WatchedChannel {
  subscriber(): Subscriber
  fail(message: string): void
}

/**
 * Re-checks every joined channel's session every `intervalMs`, in one query, and closes the
 * channels whose session ended (a `system` error, then `phx_close`, as for an expired token).
 * If the database cannot be reached, the round is skipped and the next one tries again.
 */
export function watchSessions(
  check: SessionCheck,
  channels: () => WatchedChannel[],
  intervalMs: number,
  log: Logger,
): () => void {
  let running = false
  const round = async () => {
    const watched = channels()
    if (running || watched.length === 0) return
    running = true
    try {
      const subscribers = watched.map((channel) => channel.subscriber())
      const reasons = await check.endedReasons(subscribers)
      watched.forEach((channel, i) => {
        const reason = reasons[i]
        // A token swapped while the query ran is judged at the swap, not here.
        if (reason && channel.subscriber() === subscribers[i]) channel.fail(reason)
      })
    } catch (error) {
      log.warn('session check failed; will retry', { error: (error as Error).message })
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void round(), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
