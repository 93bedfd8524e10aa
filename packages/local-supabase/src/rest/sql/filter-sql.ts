import { RestError } from '../errors.ts'
import type { FieldPath } from '../parse/field.ts'
import type { Condition, FilterNode } from '../parse/filter.ts'
import type { RelationInfo } from '../schema-cache.ts'
import { missingColumnHint } from './column-hint.ts'
import { ident, jsonKeyLiteral, type Params, qualified } from './quote.ts'

/**
 * A column (checked against the schema cache) with its JSON path, as SQL. `label` is the name
 * PostgreSQL would give the relation in its error (PostgREST's alias, e.g. `messages_1` for an embed).
 */
export function fieldSql(
  alias: string,
  relation: RelationInfo,
  field: FieldPath,
  label = relation.name,
): string {
  const computed = relation.columns.has(field.column)
    ? undefined
    : relation.computed.get(field.column)
  if (computed) {
    let sql = `${qualified(computed.schema, computed.name)}(${alias})`
    for (const step of field.jsonPath) sql += `${step.arrow}${jsonKeyLiteral(step.key)}`
    return sql
  }
  if (!relation.columns.has(field.column)) {
    const columns = relation.columnList.map((c) => c.name)
    throw new RestError(
      400,
      '42703',
      `column ${label}.${field.column} does not exist`,
      null,
      missingColumnHint(label, field.column, columns),
    )
  }
  let sql = `${alias}.${ident(field.column)}`
  for (const step of field.jsonPath) sql += `${step.arrow}${jsonKeyLiteral(step.key)}`
  return sql
}

const COMPARISONS: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
}

const TSQUERY: Record<string, string> = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
}

const IS_SQL: Record<string, string> = {
  null: 'is null',
  not_null: 'is not null',
  true: 'is true',
  false: 'is false',
  unknown: 'is unknown',
}

/** PostgREST lets `*` stand for `%` in like patterns (a `%` is awkward in URLs). */
const likePattern = (value: string) => value.replace(/\*/g, '%')

/** Where a filter runs: PostgreSQL's name for the relation, and the embeds beside it. */
export interface FilterScope {
  label: string
  /** SQL that is true when the embed with this key found a row (for `rel=is.null` / `rel=not.is.null`). */
  embedPresence?: (key: string) => string | undefined
}

/** `rel=is.null` on an embed's key filters on whether the embed found anything, as in PostgREST. */
function embedNullSql(cond: Condition, scope: FilterScope): string | null {
  if (cond.op !== 'is' || cond.field.jsonPath.length > 0) return null
  if (cond.value !== 'null' && cond.value !== 'not_null') return null
  const present = scope.embedPresence?.(cond.field.column)
  if (present === undefined) return null
  const wantsNull = (cond.value === 'null') !== cond.negate
  return wantsNull ? `not (${present})` : `(${present})`
}

function conditionSql(
  cond: Condition,
  alias: string,
  relation: RelationInfo,
  params: Params,
  scope: FilterScope,
): string {
  const embedNull = embedNullSql(cond, scope)
  if (embedNull !== null) return embedNull
  const lhs = fieldSql(alias, relation, cond.field, scope.label)
  const value = cond.value
  let sql: string
  switch (cond.op) {
    case 'in':
      sql = `${lhs} = any(${params.bind(value)})`
      break
    case 'is':
      sql = `${lhs} ${IS_SQL[value as string]}`
      break
    case 'isdistinct':
      sql = `${lhs} is distinct from ${params.bind(value)}`
      break
    case 'fts':
    case 'plfts':
    case 'phfts':
    case 'wfts': {
      const column = relation.columns.get(cond.field.column)
      const lang = cond.language === null ? '' : `${params.bind(cond.language)}::regconfig, `
      // Text columns are turned into a tsvector first, as PostgREST does.
      const vector =
        column?.typeName === 'tsvector' && cond.field.jsonPath.length === 0
          ? lhs
          : `to_tsvector(${lang}${lhs})`
      sql = `${vector} @@ ${TSQUERY[cond.op]}(${lang}${params.bind(value)})`
      break
    }
    default: {
      const op = COMPARISONS[cond.op] as string
      const operand =
        cond.op === 'like' || cond.op === 'ilike' ? likePattern(value as string) : value
      sql = cond.modifier
        ? `${lhs} ${op} ${cond.modifier}(${params.bind(operand)})`
        : `${lhs} ${op} ${params.bind(operand)}`
    }
  }
  return cond.negate ? `not (${sql})` : sql
}

export function filterSql(
  node: FilterNode,
  alias: string,
  relation: RelationInfo,
  params: Params,
  scope: FilterScope = { label: relation.name },
): string {
  if (node.kind === 'condition') return conditionSql(node, alias, relation, params, scope)
  const parts = node.children.map((child) => filterSql(child, alias, relation, params, scope))
  const joined = `(${parts.join(node.op === 'and' ? ' and ' : ' or ')})`
  return node.negate ? `not ${joined}` : joined
}
