import type pg from 'pg'
import type { ColumnInfo, FunctionArg, RelationInfo, SchemaCache } from './schema-cache.ts'
import { relationKey } from './schema-cache.ts'

/**
 * The OpenAPI (Swagger 2.0) document PostgREST answers at `/` with `openapi-mode =
 * follow-privileges`: the exposed schema's tables, views and functions the caller's role has any
 * privilege on, described from the schema cache. Field names, parameter names and texts are
 * PostgREST's, so tools that read its document (Supabase's API docs, swagger-ui) read this one.
 */

type Json = Record<string, unknown>

/** PostgREST's version line this API speaks (`info.version`) and the docs it links to. */
const POSTGREST_VERSION = '12 (local-supabase)'
const DOCS_URL = 'https://postgrest.org/en/v12/references/api.html'

const OBJECT_MEDIA = [
  'application/vnd.pgrst.object+json;nulls=stripped',
  'application/vnd.pgrst.object+json',
]

interface Visible {
  description: string | null
  tables: Array<{ name: string; insertable: boolean; updatable: boolean; deletable: boolean }>
  functions: Array<{ name: string; description: string | null }>
}

// Runs as the request's role: what it may touch is what the document lists (follow-privileges).
const VISIBLE_SQL = `
select
  (select obj_description(n.oid, 'pg_namespace') from pg_namespace n where n.nspname = $1) as description,
  coalesce((
    select json_agg(json_build_object(
      'name', c.relname,
      'insertable', c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid::regclass, true) & 8) = 8),
      'updatable', c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid::regclass, true) & 4) = 4),
      'deletable', c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid::regclass, true) & 16) = 16)
    ) order by c.relname)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
  ), '[]') as tables,
  coalesce((
    select json_agg(json_build_object('name', f.proname, 'description', f.description) order by f.proname)
    from (
      select p.proname, max(obj_description(p.oid, 'pg_proc')) as description
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1 and p.prokind = 'f'
        and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
        and has_function_privilege(p.oid, 'execute')
      group by p.proname
    ) f
  ), '[]') as functions`

export async function visibleObjects(client: pg.PoolClient, schema: string): Promise<Visible> {
  const { rows } = await client.query<Visible>(VISIBLE_SQL, [schema])
  return rows[0] as Visible
}

/** PostgREST's mapping of PostgreSQL types to Swagger types (json/jsonb have none). */
function swaggerType(type: string): string | null {
  if (['character varying', 'character', 'text'].includes(type)) return 'string'
  if (type === 'boolean') return 'boolean'
  if (['smallint', 'integer', 'bigint'].includes(type)) return 'integer'
  if (['numeric', 'real', 'double precision'].includes(type)) return 'number'
  if (type === 'json' || type === 'jsonb') return null
  return type.endsWith('[]') ? 'array' : 'string'
}

function arrayItems(type: string): Json | undefined {
  if (swaggerType(type) !== 'array') return undefined
  const inner = swaggerType(type.slice(0, -2))
  return inner ? { type: inner } : {}
}

/** A column default as JSON, as PostgREST reads it: string types lose their `'…'::type` wrapping. */
function defaultValue(type: string, expr: string | null | undefined): unknown {
  if (!expr) return undefined
  let text = expr
  if (swaggerType(type) === 'string') {
    const bare = expr.endsWith(`::${type}`)
      ? expr.slice(0, -(type.length + 2)).replace(/^'+|'+$/g, '')
      : expr
    text = `"${bare}"`
  }
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** "Note:" lines for primary and single-column foreign keys, after the column's comment. */
function columnDescription(
  relation: RelationInfo,
  column: ColumnInfo,
  cache: SchemaCache,
): string | null {
  const notes: string[] = []
  if (relation.primaryKey.includes(column.name)) notes.push('This is a Primary Key.<pk/>')
  const fk = cache.foreignKeys
    .filter((k) => k.schema === relation.schema && k.table === relation.name)
    .sort(
      (a, b) =>
        Number(isView(cache, a.refSchema, a.refTable)) -
        Number(isView(cache, b.refSchema, b.refTable)),
    )
    .find((k) => k.columns.length === 1 && k.columns[0] === column.name)
  if (fk) {
    const target = `${fk.refTable}.${fk.refColumns[0]}`
    notes.push(
      `This is a Foreign Key to \`${target}\`.<fk table='${fk.refTable}' column='${fk.refColumns[0]}'/>`,
    )
  }
  if (notes.length === 0) return column.description ?? null
  return `${column.description ? `${column.description}\n\n` : ''}Note:\n${notes.join('\n')}`
}

const isView = (cache: SchemaCache, schema: string, name: string) =>
  cache.relations.get(relationKey(schema, name))?.kind !== 'table'

function definition(relation: RelationInfo, cache: SchemaCache): Json {
  const properties: Json = {}
  for (const column of relation.columnList) {
    const type = column.baseType ?? column.type
    properties[column.name] = withoutEmpty({
      default: defaultValue(type, column.defaultExpr),
      description: columnDescription(relation, column, cache),
      enum: column.enumValues ?? undefined,
      format: type,
      maxLength: column.maxLength ?? undefined,
      type: swaggerType(type) ?? undefined,
      items: arrayItems(type),
    })
  }
  const required = relation.columnList.filter((c) => !c.nullable).map((c) => c.name)
  return withoutEmpty({ description: relation.description, required, properties, type: 'object' })
}

/** First line of a comment as the summary, the rest (leading blank lines dropped) as the description. */
function summaryOf(comment: string | null | undefined): Json {
  if (!comment) return {}
  const cut = comment.indexOf('\n')
  if (cut === -1) return { summary: comment }
  const rest = comment.slice(cut).replace(/^\n+/, '')
  return withoutEmpty({ summary: comment.slice(0, cut), description: rest })
}

const ref = (name: string) => ({ $ref: `#/parameters/${name}` })

function tablePath(relation: RelationInfo, writable: boolean): Json {
  const name = relation.name
  const rowFilters = relation.columnList.map((c) => ref(`rowFilter.${name}.${c.name}`))
  const op = { tags: [name], ...summaryOf(relation.description) }
  const path: Json = {
    get: {
      ...op,
      parameters: [
        ...rowFilters,
        ...['select', 'order', 'range', 'rangeUnit', 'offset', 'limit', 'preferCount'].map(ref),
      ],
      responses: {
        '200': {
          description: 'OK',
          schema: { type: 'array', items: { $ref: `#/definitions/${name}` } },
        },
        '206': { description: 'Partial Content' },
      },
    },
  }
  if (!writable) return path
  path.post = {
    ...op,
    parameters: [ref(`body.${name}`), ref('select'), ref('preferPost')],
    responses: { '201': { description: 'Created' } },
  }
  path.patch = {
    ...op,
    parameters: [...rowFilters, ref(`body.${name}`), ref('preferReturn')],
    responses: { '204': { description: 'No Content' } },
  }
  path.delete = {
    ...op,
    parameters: [...rowFilters, ref('preferReturn')],
    responses: { '204': { description: 'No Content' } },
  }
  return path
}

function argSchema(arg: FunctionArg): Json {
  return withoutEmpty({
    format: arg.type,
    type: swaggerType(arg.type) ?? undefined,
    items: arrayItems(arg.type),
  })
}

function functionPath(
  name: string,
  args: FunctionArg[],
  volatile: boolean,
  comment: string | null,
): Json {
  const op = {
    ...summaryOf(comment),
    tags: [`(rpc) ${name}`],
    produces: ['application/json', ...OBJECT_MEDIA],
    responses: { '200': { description: 'OK' } },
  }
  const body = withoutEmpty({
    description: comment,
    required: args.filter((a) => !a.hasDefault).map((a) => a.name),
    properties: Object.fromEntries(args.map((a) => [a.name, argSchema(a)])),
    type: 'object',
  })
  const post = {
    ...op,
    parameters: [{ name: 'args', required: true, in: 'body', schema: body }, ref('preferParams')],
  }
  if (volatile) return { post }
  const query = args.map((a) => {
    const type = swaggerType(a.type)
    return {
      name: a.name,
      required: !a.hasDefault,
      in: 'query',
      format: a.type,
      type: type === 'array' || type === null ? 'string' : type,
    }
  })
  return { get: { ...op, parameters: query }, post }
}

const queryParam = (name: string, description: string) => ({
  name,
  description,
  required: false,
  in: 'query',
  type: 'string',
})
const preferParam = (values: string[]) => ({
  name: 'Prefer',
  description: 'Preference',
  required: false,
  in: 'header',
  type: 'string',
  enum: values,
})

function parameters(relations: RelationInfo[]): Json {
  const out: Json = {
    preferParams: preferParam(['params=single-object']),
    preferReturn: preferParam(['return=representation', 'return=minimal', 'return=none']),
    preferCount: preferParam(['count=none']),
    preferPost: preferParam([
      'return=representation',
      'return=minimal',
      'return=none',
      'resolution=ignore-duplicates',
      'resolution=merge-duplicates',
    ]),
    select: queryParam('select', 'Filtering Columns'),
    on_conflict: queryParam('on_conflict', 'On Conflict'),
    order: queryParam('order', 'Ordering'),
    range: {
      name: 'Range',
      description: 'Limiting and Pagination',
      required: false,
      in: 'header',
      type: 'string',
    },
    rangeUnit: {
      name: 'Range-Unit',
      description: 'Limiting and Pagination',
      required: false,
      in: 'header',
      type: 'string',
      default: 'items',
    },
    offset: queryParam('offset', 'Limiting and Pagination'),
    limit: queryParam('limit', 'Limiting and Pagination'),
  }
  for (const relation of relations) {
    out[`body.${relation.name}`] = {
      name: relation.name,
      description: relation.name,
      required: false,
      in: 'body',
      schema: { $ref: `#/definitions/${relation.name}` },
    }
    for (const column of relation.columnList) {
      out[`rowFilter.${relation.name}.${column.name}`] = withoutEmpty({
        name: column.name,
        description: column.description,
        required: false,
        in: 'query',
        type: 'string',
      })
    }
  }
  return out
}

/** Drops null/undefined fields and empty lists, as PostgREST's encoder leaves them out. */
function withoutEmpty(value: Json): Json {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
    ),
  )
}

export function openApiDocument(
  cache: SchemaCache,
  schema: string,
  visible: Visible,
  apiUrl: string,
): Json {
  const relations: Array<{ relation: RelationInfo; writable: boolean }> = []
  for (const table of visible.tables) {
    const relation = cache.relations.get(relationKey(schema, table.name))
    if (relation)
      relations.push({ relation, writable: table.insertable || table.updatable || table.deletable })
  }
  const paths: Json = {
    '/': {
      get: {
        tags: ['Introspection'],
        summary: 'OpenAPI description (this document)',
        produces: ['application/openapi+json', 'application/json'],
        responses: { '200': { description: 'OK' } },
      },
    },
  }
  for (const { relation, writable } of relations)
    paths[`/${relation.name}`] = tablePath(relation, writable)
  for (const fn of visible.functions) {
    const info = cache.functions.get(relationKey(schema, fn.name))?.[0]
    if (info)
      paths[`/rpc/${fn.name}`] = functionPath(
        fn.name,
        info.args,
        info.volatility === 'volatile',
        fn.description,
      )
  }
  const url = new URL(apiUrl)
  const title = summaryOf(visible.description)
  return {
    swagger: '2.0',
    info: {
      description:
        (title.description as string | undefined) ?? 'This is a dynamic API generated by PostgREST',
      title: (title.summary as string | undefined) ?? 'PostgREST API',
      version: POSTGREST_VERSION,
    },
    host: url.host,
    basePath: `${url.pathname.replace(/\/+$/, '')}/rest/v1/`,
    schemes: [url.protocol.replace(':', '')],
    consumes: ['application/json', ...OBJECT_MEDIA, 'text/csv'],
    produces: ['application/json', ...OBJECT_MEDIA, 'text/csv'],
    paths,
    definitions: Object.fromEntries(
      relations.map(({ relation }) => [relation.name, definition(relation, cache)]),
    ),
    parameters: parameters(relations.map((r) => r.relation)),
    externalDocs: { description: 'PostgREST Documentation', url: DOCS_URL },
  }
}
