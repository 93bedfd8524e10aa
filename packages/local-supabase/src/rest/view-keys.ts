import type pg from 'pg'
import { type ColumnOrigin, viewColumnOrigins } from './node-tree.ts'
import { type ForeignKey, type RelationInfo, relationKey } from './schema-cache.ts'

// Every view's stored query (system schemas aside): views may read views in other schemas.
const VIEWS_SQL = `
select v.oid::text as oid, n.nspname as schema, v.relname as name, r.ev_action::text as action
from pg_class v
join pg_namespace n on n.oid = v.relnamespace
join pg_rewrite r on r.ev_class = v.oid and r.rulename = '_RETURN'
where v.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')`

// The tables views read, in any schema, with their column names by number.
const TABLES_SQL = `
select c.oid::text as oid, n.nspname as schema, c.relname as name,
  (select json_object_agg(a.attnum, a.attname) from pg_attribute a
   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.oid = any($1::oid[])`

// Keys of those tables and foreign keys that reference them.
const KEYS_SQL = `
select con.conname as name, con.contype as type, con.conrelid::text as table_oid,
  n.nspname as schema, c.relname as table,
  array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
  con.confrelid::text as ref_oid, fn.nspname as ref_schema, fc.relname as ref_table,
  array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as ref_columns
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class fc on fc.oid = con.confrelid
left join pg_namespace fn on fn.oid = fc.relnamespace
where con.contype in ('p', 'u', 'f')
  and (con.conrelid = any($1::oid[]) or con.confrelid = any($1::oid[]))
order by con.conname`

interface ViewRow {
  oid: string
  schema: string
  name: string
  action: string
}
interface TableRow {
  oid: string
  schema: string
  name: string
  columns: Record<string, string> | null
}
interface KeyRow {
  name: string
  type: 'p' | 'u' | 'f'
  table_oid: string
  schema: string
  table: string
  columns: string[]
  ref_oid: string
  ref_schema: string | null
  ref_table: string | null
  ref_columns: string[]
}

/** A view over a table: for each table column it shows, the view columns that show it. */
interface KeyDependency {
  view: RelationInfo
  columns: Map<string, string[]>
}

const MAX_VIEW_DEPTH = 16

/** Every way to name `columns` through a view (a column shown twice gives two), or none if one is hidden. */
function viewColumnChoices(dep: KeyDependency, columns: string[]): string[][] {
  let choices: string[][] = [[]]
  for (const column of columns) {
    const shown = dep.columns.get(column) ?? []
    choices = choices.flatMap((choice) => shown.map((name) => [...choice, name]))
  }
  return choices
}

/**
 * PostgREST's view relationships (SchemaCache.hs, addViewPrimaryKeys / addViewM2OAndO2ORels): each
 * view column is traced to the table column it reads (`resorigtbl`/`resorigcol` of the view's
 * stored query, through views over views), then views get the primary and unique keys, and the
 * foreign keys (view to table, table to view, view to view) whose columns they all show. Sets the
 * keys on the exposed views in `relations` and returns the foreign keys to add.
 */
export async function loadViewKeys(
  client: pg.PoolClient,
  relations: Map<string, RelationInfo>,
): Promise<ForeignKey[]> {
  const views = new Map<string, { row: ViewRow; origins: ColumnOrigin[] }>()
  for (const row of (await client.query<ViewRow>(VIEWS_SQL)).rows) {
    try {
      views.set(row.oid, { row, origins: viewColumnOrigins(row.action) })
    } catch {
      // A stored query this reader does not follow: the view simply has no keys.
    }
  }
  const trace = (origin: ColumnOrigin): { relid: string; attnum: number } | null => {
    let current = { relid: String(origin.relid), attnum: origin.attnum }
    for (let depth = 0; depth < MAX_VIEW_DEPTH; depth++) {
      if (current.relid === '0' || current.attnum <= 0) return null
      const inner = views.get(current.relid)
      if (!inner) return current
      const next = inner.origins[current.attnum - 1]
      if (!next) return null
      current = { relid: String(next.relid), attnum: next.attnum }
    }
    return null
  }
  // Exposed views: which table column each of their columns shows.
  const traced = new Map<
    string,
    Array<{ view: RelationInfo; column: string; relid: string; attnum: number }>
  >()
  for (const { row, origins } of views.values()) {
    const view = relations.get(relationKey(row.schema, row.name))
    if (!view) continue
    for (const origin of origins) {
      const base = trace(origin)
      if (!base || !view.columns.has(origin.column)) continue
      const list = traced.get(base.relid) ?? []
      list.push({ view, column: origin.column, ...base })
      traced.set(base.relid, list)
    }
  }
  if (traced.size === 0) return []
  const tableOids = [...traced.keys()]
  const tables = (await client.query<TableRow>(TABLES_SQL, [tableOids])).rows
  // For each table, its views and which view columns show which table column.
  const depsOf = new Map<string, KeyDependency[]>()
  for (const table of tables) {
    const byView = new Map<RelationInfo, Map<string, string[]>>()
    for (const use of traced.get(table.oid) ?? []) {
      const name = table.columns?.[String(use.attnum)]
      if (name === undefined) continue
      const columns = byView.get(use.view) ?? new Map<string, string[]>()
      columns.set(name, [...(columns.get(name) ?? []), use.column])
      byView.set(use.view, columns)
    }
    depsOf.set(
      table.oid,
      [...byView].map(([view, columns]) => ({ view, columns })),
    )
  }
  const keys = (await client.query<KeyRow>(KEYS_SQL, [tableOids])).rows
  const added: ForeignKey[] = []
  for (const key of keys) {
    if (key.type !== 'f') {
      // The first way a view shows a table's primary or unique key becomes that view's key.
      for (const dep of depsOf.get(key.table_oid) ?? []) {
        const shown = viewColumnChoices(dep, key.columns)[0]
        if (!shown) continue
        if (key.type === 'p') dep.view.primaryKey = [...dep.view.primaryKey, ...shown]
        dep.view.uniqueKeys.push(shown)
      }
      continue
    }
    if (key.ref_schema === null || key.ref_table === null) continue
    const fk: ForeignKey = {
      name: key.name,
      schema: key.schema,
      table: key.table,
      columns: key.columns,
      refSchema: key.ref_schema,
      refTable: key.ref_table,
      refColumns: key.ref_columns,
    }
    const children = [
      { schema: fk.schema, table: fk.table, columns: fk.columns, original: true },
      ...(depsOf.get(key.table_oid) ?? []).flatMap((dep) =>
        viewColumnChoices(dep, fk.columns).map((columns) => ({
          schema: dep.view.schema,
          table: dep.view.name,
          columns,
          original: false,
        })),
      ),
    ]
    const parents = [
      { schema: fk.refSchema, table: fk.refTable, columns: fk.refColumns, original: true },
      ...(depsOf.get(key.ref_oid) ?? []).flatMap((dep) =>
        viewColumnChoices(dep, fk.refColumns).map((columns) => ({
          schema: dep.view.schema,
          table: dep.view.name,
          columns,
          original: false,
        })),
      ),
    ]
    for (const child of children) {
      for (const parent of parents) {
        if (child.original && parent.original) continue
        added.push({
          name: fk.name,
          schema: child.schema,
          table: child.table,
          columns: child.columns,
          refSchema: parent.schema,
          refTable: parent.table,
          refColumns: parent.columns,
        })
      }
    }
  }
  return added
}
