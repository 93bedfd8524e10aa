import type pg from 'pg'
import { queryRetryingLostConnections } from '../db/pool.ts'
import { FilterError } from './filters.ts'
import { CHECK_PATIENCE } from './visibility.ts'

export const PUBLICATION = 'supabase_realtime'

export interface ColumnInfo {
  name: string
  /** pg_type.typname, as the client expects in `columns[].type` (int4, text, _int4, ...). */
  type: string
  /** format_type(), usable as a cast target. */
  sqlType: string
}

export interface TableInfo {
  oid: number
  schema: string
  name: string
  columns: ColumnInfo[]
  byName: Map<string, ColumnInfo>
  /** Columns that identify a row: the primary key, else the replica identity index. */
  keyColumns: string[]
  rowSecurity: boolean
  published: boolean
}

const TABLE_SQL = `
select c.oid::int as oid, n.nspname as schema, c.relname as name,
       c.relrowsecurity as row_security,
       exists (select 1 from pg_publication_tables p
               where p.pubname = $3 and p.schemaname = n.nspname and p.tablename = c.relname) as published,
       coalesce((select json_agg(json_build_object('name', a.attname, 'type', t.typname,
                                                   'sqlType', format_type(a.atttypid, a.atttypmod))
                                 order by a.attnum)
                 from pg_attribute a join pg_type t on t.oid = a.atttypid
                 where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns,
       coalesce((select json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum))
                 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                 where i.indrelid = c.oid
                   and i.indexrelid = coalesce(
                     (select x.indexrelid from pg_index x where x.indrelid = c.oid and x.indisprimary limit 1),
                     (select x.indexrelid from pg_index x where x.indrelid = c.oid and x.indisreplident limit 1))),
                '[]') as key_columns
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')`

interface TableRow {
  oid: number
  schema: string
  name: string
  row_security: boolean
  published: boolean
  columns: ColumnInfo[]
  key_columns: string[]
}

/** Table metadata for joins and change payloads, refreshed when the replication stream says a table changed. */
export class SchemaCache {
  private tables = new Map<string, { loadedAt: number; info: Promise<TableInfo | null> }>()

  /**
   * `maxAgeMs` bounds staleness for what no replication message announces (a table added to the
   * publication, RLS switched on) when migrations run while the server is up.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly maxAgeMs = 2_000,
  ) {}

  describe(schema: string, table: string): Promise<TableInfo | null> {
    const key = `${schema}.${table}`
    const cached = this.tables.get(key)
    if (cached && Date.now() - cached.loadedAt < this.maxAgeMs) return cached.info
    const info = this.load(schema, table)
    const entry = { loadedAt: Date.now(), info }
    this.tables.set(key, entry)
    info.catch(() => {
      if (this.tables.get(key) === entry) this.tables.delete(key)
    })
    return info
  }

  /** Forget one table (its definition changed) or everything. */
  invalidate(schema?: string, table?: string): void {
    if (schema === undefined || table === undefined) this.tables.clear()
    else this.tables.delete(`${schema}.${table}`)
  }

  async schemaExists(schema: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('select 1 from pg_namespace where nspname = $1', [
      schema,
    ])
    return (rowCount ?? 0) > 0
  }

  async anyPublishedTable(schema: string | null): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'select 1 from pg_publication_tables where pubname = $1 and ($2::text is null or schemaname = $2) limit 1',
      [PUBLICATION, schema],
    )
    return (rowCount ?? 0) > 0
  }

  /** Casts filter values to the column type in Postgres: bad values fail here, at join time. */
  async canonicalValues(column: ColumnInfo, values: string[]): Promise<string[]> {
    try {
      const { rows } = await this.pool.query<{ values: string[] }>(
        // sqlType comes from format_type() over the catalog, never from the client.
        `select coalesce(array_agg((v)::${column.sqlType}::text order by o), '{}') as values
           from unnest($1::text[]) with ordinality as u(v, o)`,
        [values],
      )
      return rows[0]?.values ?? []
    } catch (error) {
      throw new FilterError(
        `invalid value for column "${column.name}" of type ${column.sqlType}: ${(error as Error).message}`,
      )
    }
  }

  private async load(schema: string, table: string): Promise<TableInfo | null> {
    // As patient as the visibility checks: a change whose table cannot be described is withheld.
    const { rows } = await queryRetryingLostConnections<TableRow>(
      this.pool,
      TABLE_SQL,
      [schema, table, PUBLICATION],
      CHECK_PATIENCE,
    )
    const row = rows[0]
    if (!row) return null
    return {
      oid: row.oid,
      schema: row.schema,
      name: row.name,
      columns: row.columns,
      byName: new Map(row.columns.map((c) => [c.name, c])),
      keyColumns: row.key_columns,
      rowSecurity: row.row_security,
      published: row.published,
    }
  }
}
