import type pg from 'pg'
import { loadViewKeys } from './view-keys.ts'

export interface ColumnInfo {
  name: string
  /** `format_type` output, safe to use in a cast (it comes from the catalog, already quoted). */
  type: string
  /** The base type's `typname` (`int4`, `_text`, `jsonb`, ...). */
  typeName: string
  nullable: boolean
  hasDefault: boolean
  generated: boolean
  /**
   * The column's DEFAULT as SQL (`nextval(...)` for identity columns), from the catalog; what
   * `Prefer: missing=default` fills in. Null when it has none.
   */
  defaultExpr?: string | null
  /** The column's comment (`comment on column`), for the OpenAPI document. */
  description?: string | null
  /** The type without modifiers (`character varying`, `text[]`): the OpenAPI `format`. */
  baseType?: string
  /** `varchar(n)`/`char(n)`: n. */
  maxLength?: number | null
  /** The labels of an enum type, in order. */
  enumValues?: string[] | null
}

export interface RelationInfo {
  schema: string
  name: string
  kind: 'table' | 'view' | 'materialized_view' | 'foreign_table'
  columns: Map<string, ColumnInfo>
  columnList: ColumnInfo[]
  primaryKey: string[]
  uniqueKeys: string[][]
  /** Computed columns: `fn(row relation)` functions, selectable and filterable like columns. */
  computed: Map<string, FunctionInfo>
  /** Computed relationships: `fn(row relation)` returning rows of another relation, embeddable by name. */
  computedRelations: Map<string, FunctionInfo>
  /** The relation's comment (`comment on table/view`), for the OpenAPI document. */
  description?: string | null
}

export interface ForeignKey {
  name: string
  schema: string
  table: string
  columns: string[]
  refSchema: string
  refTable: string
  refColumns: string[]
}

export interface FunctionArg {
  name: string
  type: string
  typeName: string
  hasDefault: boolean
  /** Declared `variadic`: its type is the array type. */
  variadic: boolean
}

export interface FunctionInfo {
  schema: string
  name: string
  /** Input arguments in order (IN and INOUT). */
  args: FunctionArg[]
  /**
   * Whether `/rpc` can call it: every argument named, or one unnamed argument of a type a raw body
   * can fill (bytea, json, jsonb, text, xml). PostgREST leaves the others out of its schema cache.
   */
  callable: boolean
  returnsSet: boolean
  /** Declared `rows 1`: PostgREST embeds such a set-returning computed relationship as one object. */
  singleRow: boolean
  volatility: 'immutable' | 'stable' | 'volatile'
  returnType: string
  /** scalar: one value per row; composite: rows with `outColumns`; void: nothing. */
  returnKind: 'scalar' | 'composite' | 'void'
  /** When the result rows are rows of a table or view in the cache (for embedding). */
  returnRelation: { schema: string; name: string } | null
  outColumns: ColumnInfo[]
}

export interface SchemaCache {
  schemas: string[]
  relations: Map<string, RelationInfo>
  foreignKeys: ForeignKey[]
  functions: Map<string, FunctionInfo[]>
  /** Roles the API may switch to (members of `authenticator`, as PostgREST requires). */
  roles: Set<string>
  /** Those of `roles` that bypass RLS (BYPASSRLS or superuser), e.g. service_role. */
  rlsBypassRoles: Set<string>
  /** `pgrst.db_plan_enabled` on the authenticator role: answers `application/vnd.pgrst.plan`. */
  planEnabled: boolean
  /** `pg_timezone_names`: the zones `Prefer: timezone=` accepts. */
  timezones: Set<string>
  loadedAt: number
}

export const relationKey = (schema: string, name: string) => `${schema}\u0000${name}`

const DEFAULT_SCHEMAS = ['public']

const SCHEMAS_SQL = `
select s.setconfig from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
where r.rolname = 'authenticator'
  and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))`

const COLUMNS_SQL = `
select n.nspname as schema, c.relname as name, c.relkind as kind, a.attname as column,
  format_type(a.atttypid, a.atttypmod) as type, t.typname as type_name,
  not a.attnotnull as nullable, a.atthasdef or a.attidentity <> '' as has_default,
  a.attgenerated <> '' as generated,
  case
    when a.attgenerated <> '' then null
    when a.attidentity <> '' then format('nextval(%L::regclass)', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
    else pg_get_expr(d.adbin, d.adrelid)
  end as default_expr,
  col_description(c.oid, a.attnum) as description,
  format_type(a.atttypid, null) as base_type,
  case when a.atttypid in ('varchar'::regtype, 'bpchar'::regtype) and a.atttypmod > 4
    then a.atttypmod - 4 end as max_length,
  case when t.typtype = 'e' then array(select e.enumlabel::text from pg_enum e
    where e.enumtypid = t.oid order by e.enumsortorder) end as enum_values,
  obj_description(c.oid, 'pg_class') as relation_description
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'f', 'p')
order by n.nspname, c.relname, a.attnum`

const CONSTRAINTS_SQL = `
select con.conname as name, con.contype as type, n.nspname as schema, c.relname as table,
  array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
  fn.nspname as ref_schema, fc.relname as ref_table,
  array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as ref_columns
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class fc on fc.oid = con.confrelid
left join pg_namespace fn on fn.oid = fc.relnamespace
where con.contype in ('p', 'u', 'f') and n.nspname = any($1)
order by con.conname`

const FUNCTIONS_SQL = `
select n.nspname as schema, p.proname as name, p.provolatile as volatility, p.proretset as returns_set,
  p.prorows as rows,
  p.pronargs as nargs, p.pronargdefaults as ndefaults,
  coalesce(p.proargmodes::text[], array[]::text[]) as modes,
  coalesce(p.proargnames, array[]::text[]) as names,
  array(select format_type(t.oid, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(oid, ord)
        join pg_type t on t.oid = u.oid order by u.ord) as types,
  array(select t.typname::text from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(oid, ord)
        join pg_type t on t.oid = u.oid order by u.ord) as type_names,
  format_type(p.prorettype, null) as return_type, rt.typname as return_type_name, rt.typtype as return_typtype,
  rn.nspname as return_rel_schema, rc.relname as return_rel_name,
  (select coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
     'typeName', at.typname) order by a.attnum), '[]')
   from pg_attribute a join pg_type at on at.oid = a.atttypid
   where a.attrelid = rt.typrelid and a.attnum > 0 and not a.attisdropped) as composite_columns
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
left join pg_class rc on rc.oid = rt.typrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1) and p.prokind = 'f'
order by p.oid`

const ROLES_SQL = `
select r.rolname, r.rolbypassrls or r.rolsuper as bypasses_rls
from pg_roles r where pg_has_role('authenticator', r.oid, 'member')`

const relationKinds: Record<string, RelationInfo['kind']> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'materialized_view',
  f: 'foreign_table',
}
const volatilities: Record<string, FunctionInfo['volatility']> = {
  i: 'immutable',
  s: 'stable',
  v: 'volatile',
}

const TIMEZONES_SQL = 'select name from pg_timezone_names'

/** One `pgrst.<name>` setting of the authenticator role (PostgREST's in-database config). */
function roleSetting(settings: Array<{ setconfig: string[] | null }>, name: string): string | null {
  for (const row of settings) {
    for (const entry of row.setconfig ?? []) {
      if (entry.startsWith(`pgrst.${name}=`)) return entry.slice(name.length + 7)
    }
  }
  return null
}

/** The schemas the API exposes: `pgrst.db_schemas` on the authenticator role, else `public`. */
function exposedSchemas(settings: Array<{ setconfig: string[] | null }>): string[] {
  const schemas = (roleSetting(settings, 'db_schemas') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return schemas.length ? schemas : DEFAULT_SCHEMAS
}

/** `pgrst.db_plan_enabled`, read as PostgREST reads a boolean setting. */
function planEnabled(settings: Array<{ setconfig: string[] | null }>): boolean {
  const value = roleSetting(settings, 'db_plan_enabled')?.trim().toLowerCase()
  return value === 'true' || value === 'on' || value === '1' || value === 'yes'
}

/** Types of a lone unnamed argument that PostgREST can fill from a raw or whole JSON body. */
const RAW_BODY_TYPES = new Set(['bytea', 'json', 'jsonb', 'text', 'xml'])

interface FunctionRow {
  schema: string
  name: string
  volatility: string
  returns_set: boolean
  rows: number
  nargs: number
  ndefaults: number
  modes: string[]
  names: string[]
  types: string[]
  type_names: string[]
  return_type: string
  return_type_name: string
  return_typtype: string
  return_rel_schema: string | null
  return_rel_name: string | null
  composite_columns: Array<{ name: string; type: string; typeName: string }>
}

function toFunctionInfo(row: FunctionRow): FunctionInfo {
  const args: FunctionArg[] = []
  const outColumns: ColumnInfo[] = []
  const inputIndexes: number[] = []
  row.types.forEach((type, i) => {
    const mode = row.modes[i] ?? 'i'
    const name = row.names[i] ?? ''
    const typeName = row.type_names[i] ?? ''
    if (mode === 'i' || mode === 'b' || mode === 'v') {
      inputIndexes.push(args.length)
      args.push({ name, type, typeName, hasDefault: false, variadic: mode === 'v' })
    }
    if (mode === 'o' || mode === 'b' || mode === 't') {
      outColumns.push({ name, type, typeName, nullable: true, hasDefault: false, generated: false })
    }
  })
  // The last `pronargdefaults` input arguments have defaults.
  for (let i = args.length - row.ndefaults; i < args.length; i++) {
    const arg = args[i]
    if (arg) arg.hasDefault = true
  }
  // Without `proargnames` no argument has a name; with it, PostgreSQL names unnamed ones ''.
  const unnamed = row.names.length === 0 ? args.length : 0
  const callable = unnamed === 0 || (unnamed === 1 && RAW_BODY_TYPES.has(args[0]?.typeName ?? ''))
  let returnKind: FunctionInfo['returnKind'] = 'scalar'
  if (row.return_type_name === 'void') returnKind = 'void'
  // OUT, INOUT and TABLE arguments make rows, even just one of them (PostgREST answers
  // `{"out_name": value}`), as does a composite return type.
  else if (
    outColumns.length > 0 ||
    (row.return_typtype === 'c' && row.composite_columns.length > 0)
  )
    returnKind = 'composite'
  const columns =
    row.return_typtype === 'c'
      ? row.composite_columns.map((c) => ({
          ...c,
          nullable: true,
          hasDefault: false,
          generated: false,
        }))
      : returnKind === 'composite'
        ? outColumns
        : []
  return {
    schema: row.schema,
    name: row.name,
    args,
    callable,
    returnsSet: row.returns_set,
    singleRow: !row.returns_set || Number(row.rows) === 1,
    volatility: volatilities[row.volatility] ?? 'volatile',
    returnType: row.return_type,
    returnKind,
    returnRelation:
      row.return_rel_schema && row.return_rel_name
        ? { schema: row.return_rel_schema, name: row.return_rel_name }
        : null,
    outColumns: columns,
  }
}

/**
 * Columns, read with only pg_catalog on the search path so that DEFAULT expressions and type names
 * come out schema-qualified: they are replayed in requests whose search path is the exposed schema.
 */
async function columnsQualified(client: pg.PoolClient, schemas: string[]) {
  await client.query('begin read only')
  try {
    await client.query(`set local search_path = pg_catalog`)
    return await client.query(COLUMNS_SQL, [schemas])
  } finally {
    await client.query('commit')
  }
}

/** Reads tables, views, columns, keys, foreign keys, functions and roles from pg_catalog. */
export async function loadSchemaCache(pool: pg.Pool): Promise<SchemaCache> {
  const client = await pool.connect()
  try {
    const settings = await client.query<{ setconfig: string[] | null }>(SCHEMAS_SQL)
    const schemas = exposedSchemas(settings.rows)
    const [columns, constraints, functions, roles, timezones] = [
      await columnsQualified(client, schemas),
      await client.query(CONSTRAINTS_SQL, [schemas]),
      await client.query<FunctionRow>(FUNCTIONS_SQL, [schemas]),
      await client.query<{ rolname: string; bypasses_rls: boolean }>(ROLES_SQL),
      await client.query<{ name: string }>(TIMEZONES_SQL),
    ]
    const relations = new Map<string, RelationInfo>()
    for (const row of columns.rows) {
      const key = relationKey(row.schema, row.name)
      let rel = relations.get(key)
      if (!rel) {
        rel = {
          schema: row.schema,
          name: row.name,
          kind: relationKinds[row.kind] ?? 'table',
          columns: new Map(),
          columnList: [],
          primaryKey: [],
          uniqueKeys: [],
          computed: new Map(),
          computedRelations: new Map(),
          description: row.relation_description,
        }
        relations.set(key, rel)
      }
      const column: ColumnInfo = {
        name: row.column,
        type: row.type,
        typeName: row.type_name,
        nullable: row.nullable,
        hasDefault: row.has_default,
        generated: row.generated,
        defaultExpr: row.default_expr,
        description: row.description,
        baseType: row.base_type,
        maxLength: row.max_length,
        enumValues: row.enum_values,
      }
      rel.columns.set(column.name, column)
      rel.columnList.push(column)
    }
    const foreignKeys: ForeignKey[] = []
    for (const row of constraints.rows) {
      const rel = relations.get(relationKey(row.schema, row.table))
      if (row.type === 'p' && rel) {
        rel.primaryKey = row.columns
        rel.uniqueKeys.push(row.columns)
      } else if (row.type === 'u' && rel) {
        rel.uniqueKeys.push(row.columns)
      } else if (row.type === 'f' && row.ref_schema) {
        foreignKeys.push({
          name: row.name,
          schema: row.schema,
          table: row.table,
          columns: row.columns,
          refSchema: row.ref_schema,
          refTable: row.ref_table,
          refColumns: row.ref_columns,
        })
      }
    }
    foreignKeys.push(...(await loadViewKeys(client, relations)))
    const fnMap = new Map<string, FunctionInfo[]>()
    for (const row of functions.rows) {
      const info = toFunctionInfo(row)
      const key = relationKey(info.schema, info.name)
      fnMap.set(key, [...(fnMap.get(key) ?? []), info])
      // PostgREST's computed columns: one argument of a table's row type, returning a scalar.
      const only = info.args.length === 1 ? info.args[0] : undefined
      const owner = only && relations.get(relationKey(info.schema, only.typeName))
      if (
        owner &&
        info.returnKind === 'scalar' &&
        !info.returnsSet &&
        !owner.columns.has(info.name)
      ) {
        owner.computed.set(info.name, info)
      }
      // ... and computed relationships: returning rows of a table or view.
      if (owner && info.returnKind === 'composite' && info.returnRelation) {
        owner.computedRelations.set(info.name, info)
      }
    }
    return {
      schemas,
      relations,
      foreignKeys,
      functions: fnMap,
      roles: new Set(roles.rows.map((r) => r.rolname)),
      rlsBypassRoles: new Set(roles.rows.filter((r) => r.bypasses_rls).map((r) => r.rolname)),
      planEnabled: planEnabled(settings.rows),
      timezones: new Set(timezones.rows.map((r) => r.name)),
      loadedAt: Date.now(),
    }
  } finally {
    client.release()
  }
}
