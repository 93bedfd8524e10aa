import type pg from 'pg'
import { queryRetryingLostConnections } from '../db/pool.ts'
import type { Logger } from '../log.ts'
import type { TableInfo } from './schema-cache.ts'
import type { TextRow } from './replication.ts'
import type { Subscriber } from './tokens.ts'
import { planRowChecks, RowCheckBatcher, type RowQuestion } from './row-check-batch.ts'

/**
 * How long a check waits out a lost database connection before the change is withheld: while the
 * database is unreachable nothing can be checked, and a withheld change is never sent.
 */
export const CHECK_PATIENCE = { patienceMs: 30_000 }

function subscriberJson(subscribers: Subscriber[]): string {
  return JSON.stringify(subscribers.map((s) => ({ role: s.role, claims: s.claimsJson })))
}

/** Changed rows one batched row check covers at most. */
const MAX_ROWS_PER_CHECK = 256
/**
 * A batch reaching many identities is split across this many connections (each checks its share
 * of the identities), so the checks use more than one database core.
 */
const PARALLEL_CHECKS = { maxCalls: 2, minIdentities: 200 }

/**
 * Decides, in Postgres and as each subscriber, whether they may see a changed row. One round trip
 * covers every distinct identity whose binding matched; row checks of one table that arrive while
 * one is running share the next round trip.
 */
export class VisibilityChecker {
  private readonly rows = new RowCheckBatcher(
    (table, questions) => this.checkRows(table, questions),
    MAX_ROWS_PER_CHECK,
  )

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  /** Row-level check: can each subscriber SELECT this row (looked up by its key) under RLS? */
  async canSeeRow(
    table: TableInfo,
    row: TextRow,
    xid: number,
    subscribers: Subscriber[],
  ): Promise<boolean[]> {
    const keyValues = table.keyColumns.map((column) => row[column] ?? null)
    if (table.keyColumns.length === 0 || keyValues.some((v) => v === null))
      return subscribers.map(() => false)
    return this.rows.ask(table, { keyValues: keyValues as string[], xid, subscribers })
  }

  private async checkRows(table: TableInfo, questions: RowQuestion[]): Promise<boolean[][]> {
    const plan = planRowChecks(questions, PARALLEL_CHECKS)
    try {
      const results = await Promise.all(
        plan.calls.map(async (call) => {
          const { rows } = await queryRetryingLostConnections<{ visible: boolean[] }>(
            this.pool,
            `select realtime.visible_rows_to_subscribers($1::oid::regclass, $2::text[], $3::text[],
               $4::text[], $5::text[], $6::int[], $7::bigint[]) as visible`,
            [
              table.oid,
              table.keyColumns,
              call.keys,
              call.roles,
              call.claims,
              call.wantedCounts,
              call.xids,
            ],
            CHECK_PATIENCE,
          )
          return rows[0]?.visible ?? []
        }),
      )
      return plan.answers(results)
    } catch (error) {
      this.log.warn('visibility check failed; change withheld', {
        table: table.name,
        error: (error as Error).message,
      })
      return plan.answers([])
    }
  }

  /**
   * Old-row check: could each subscriber SELECT the row as it was before an update or delete?
   * The policies run against the old image (REPLICA IDENTITY FULL), as each subscriber. Null when
   * the image cannot decide it (a column is missing from it).
   */
  async couldSeeOldRow(
    table: TableInfo,
    oldRow: TextRow,
    xid: number,
    subscribers: Subscriber[],
  ): Promise<boolean[] | null> {
    try {
      const { rows } = await queryRetryingLostConnections<{ visible: boolean[] | null }>(
        this.pool,
        'select realtime.old_row_visible_to_subscribers($1::oid::regclass, $2::jsonb, $3::jsonb, $4::bigint) as visible',
        [table.oid, JSON.stringify(oldRow), subscriberJson(subscribers), xid],
        CHECK_PATIENCE,
      )
      const visible = rows[0]?.visible
      return visible === undefined ? subscribers.map(() => false) : visible
    } catch (error) {
      this.log.warn('old-row visibility check failed; change withheld', {
        table: table.name,
        error: (error as Error).message,
      })
      return subscribers.map(() => false)
    }
  }

  /** Table-level check (tables without RLS, and deletes that cannot be decided row by row). */
  async canSelectTable(table: TableInfo, subscribers: Subscriber[]): Promise<boolean[]> {
    const roles = [...new Set(subscribers.map((s) => s.role))]
    try {
      const { rows } = await queryRetryingLostConnections<{ role: string; allowed: boolean }>(
        this.pool,
        `select r as role, has_table_privilege(r, $1::oid, 'SELECT') as allowed from unnest($2::text[]) as r`,
        [table.oid, roles],
        CHECK_PATIENCE,
      )
      const allowed = new Map(rows.map((r) => [r.role, r.allowed]))
      return subscribers.map((s) => allowed.get(s.role) === true)
    } catch (error) {
      this.log.warn('privilege check failed; change withheld', {
        table: table.name,
        error: (error as Error).message,
      })
      return subscribers.map(() => false)
    }
  }
}
