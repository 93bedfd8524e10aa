import { RestError } from '../errors.ts'
import { defaultFieldName } from '../parse/field.ts'
import type { FilterNode } from '../parse/filter.ts'
import type { OrderTerm } from '../parse/order.ts'
import type { ParsedQuery } from '../parse/query.ts'
import type { SelectItem } from '../parse/select.ts'
import type { RelationInfo, SchemaCache } from '../schema-cache.ts'
import { fieldSql, filterSql } from './filter-sql.ts'
import { ident, type Params } from './quote.ts'
import { embedSource, joinSql, type Relationship, resolveRelationship } from './relationships.ts'

/** One level of a read: a relation, what to select from it, and its filters, order and page. */
export interface ReadNode {
  relation: RelationInfo
  /** The name PostgreSQL gives this level in errors: the table at the top, PostgREST's alias (`messages_1`) below. */
  label: string
  items: Exclude<SelectItem, { kind: 'embed' }>[]
  embeds: EmbedNode[]
  filters: FilterNode[]
  order: OrderTerm[]
  limit: number | null
  offset: number | null
}

export interface EmbedNode {
  node: ReadNode
  /** Key in the output and in filter paths (`alias` or the embedded name). */
  key: string
  rel: Relationship
  inner: boolean
  spread: boolean
  /** `rel()` with nothing selected at any depth: joined (for `!inner` and filters) but left out of the output. */
  empty: boolean
}

const isEmptyEmbed = (node: ReadNode): boolean =>
  node.items.length === 0 && node.embeds.every((embed) => embed.empty)

/**
 * PostgREST names each embed's join `<parent>_<key>_<depth>`; two embeds with the same name at one
 * level make PostgreSQL refuse the query (42712), which PostgREST passes on.
 */
function refuseDuplicateJoins(node: ReadNode, depth: number): void {
  const seen = new Set<string>()
  for (const embed of node.embeds) {
    const name = `${node.relation.name}_${embed.key}_${depth + 1}`
    if (seen.has(name)) {
      throw new RestError(400, '42712', `table name "${name}" specified more than once`)
    }
    seen.add(name)
    refuseDuplicateJoins(embed.node, depth + 1)
  }
}

/** Builds the read tree from `select=` and the filters/orders/limits addressed to each embed path. */
export function planRead(
  cache: SchemaCache,
  relation: RelationInfo,
  query: ParsedQuery,
  topFilters = true,
): ReadNode {
  const used = new Set<string>([''])
  const build = (
    rel: RelationInfo,
    label: string,
    items: SelectItem[],
    path: string,
    names: string[],
    depth: number,
  ): ReadNode => {
    const pick = <T>(map: Map<string, T>): T | undefined => {
      for (const name of names) {
        const found = map.get(name)
        if (found !== undefined) {
          used.add(name)
          return found
        }
      }
      return undefined
    }
    const node: ReadNode = {
      relation: rel,
      label,
      items: [],
      embeds: [],
      filters: path === '' && !topFilters ? [] : (pick(query.filters) ?? []),
      order: pick(query.orders) ?? [],
      limit: pick(query.limits) ?? null,
      offset: pick(query.offsets) ?? null,
    }
    for (const item of items) {
      if (item.kind !== 'embed') {
        node.items.push(item)
        continue
      }
      const relationship = resolveRelationship(cache, rel, item.name, item.hint)
      const key = item.alias ?? item.name
      const childNames = names.flatMap((prefix) => {
        const base = prefix === '' ? '' : `${prefix}.`
        return item.alias
          ? [`${base}${item.alias}`, `${base}${item.name}`]
          : [`${base}${item.name}`]
      })
      const target = relationship.target
      // A many-to-many embed reads its table unaliased (joined with the junction), as in PostgREST.
      const childLabel = relationship.junction ? target.name : `${target.name}_${depth + 1}`
      const child = build(target, childLabel, item.items, key, childNames, depth + 1)
      node.embeds.push({
        node: child,
        key,
        rel: relationship,
        inner: item.joinType === 'inner',
        spread: item.spread,
        empty: isEmptyEmbed(child),
      })
    }
    return node
  }
  const root = build(relation, relation.name, query.select, '', [''], 0)
  for (const map of [query.filters, query.orders, query.limits, query.offsets] as Map<
    string,
    unknown
  >[]) {
    for (const path of map.keys()) {
      if (!used.has(path)) {
        throw new RestError(
          400,
          'PGRST108',
          `'${path}' is not an embedded resource in this request`,
          null,
          `Verify that '${path}' is included in the 'select' query parameter.`,
        )
      }
    }
  }
  refuseDuplicateJoins(root, 0)
  return root
}

export interface CompileOptions {
  /** SQL for the FROM source: a qualified table, a CTE name or a function call. */
  source: string
  alias: string
  /** 'count' selects only what is needed to count the rows (no order, no page, no outer embeds). */
  mode: 'rows' | 'count'
  extraFrom?: string
  extraWhere?: string[]
  /** Adds `true as pgrst_found` so a spread embed can tell "no row" from "a row of nulls". */
  marker?: boolean
  /**
   * A to-one spread: its aggregates are applied by the level it is spread into (PostgREST hoists
   * them), so `...details(id.sum())` sums over the parent's rows.
   */
  hoist?: boolean
  /** Skip the node's own limit/offset (the caller applies the top-level page). */
  page?: { limit: number | null; offset: number | null }
}

/** An output column; `agg` is an aggregate a to-one spread leaves to the level above. */
export interface CompiledOutput {
  name: string
  agg: { fn: string; cast: string | null } | null
}

export interface CompiledNode {
  sql: string
  outputs: CompiledOutput[]
}

interface CompiledItem {
  expr: string
  name: string
  /** The expression to group by; null for an aggregate. */
  group: string | null
  /** The aggregate and the value it applies to, so a to-one spread can leave it to its parent. */
  agg: { fn: string; cast: string | null; input: string } | null
}

/** `rel(count)`: PostgREST reads a bare `count` that is not a column as the row count. */
const isBareCount = (item: ReadNode['items'][number], relation: RelationInfo) =>
  item.kind === 'field' &&
  item.field.column === 'count' &&
  item.field.jsonPath.length === 0 &&
  !item.aggregate &&
  !relation.columns.has('count')

function itemSql(
  item: Exclude<ReadNode['items'][number], { kind: 'star' }>,
  alias: string,
  node: ReadNode,
): CompiledItem {
  if (item.kind === 'count' || isBareCount(item, node.relation)) {
    const cast = item.cast
    const expr = cast ? `count(*)::${cast}` : 'count(*)'
    // Spread upwards, the whole row is counted (null when the spread found no row).
    return {
      expr,
      name: item.alias ?? 'count',
      group: null,
      agg: { fn: 'count', cast, input: alias },
    }
  }
  let expr = fieldSql(alias, node.relation, item.field, node.label)
  if (item.cast) expr = `(${expr})::${item.cast}`
  if (item.aggregate) {
    let agg = `${item.aggregate}(${expr})`
    if (item.aggregateCast) agg = `(${agg})::${item.aggregateCast}`
    return {
      expr: agg,
      name: item.alias ?? item.aggregate,
      group: null,
      agg: { fn: item.aggregate, cast: item.aggregateCast, input: expr },
    }
  }
  return { expr, name: item.alias ?? defaultFieldName(item.field), group: expr, agg: null }
}

/** Whether a level aggregates: its own aggregates, or those hoisted from its to-one spreads. */
function aggregates(node: ReadNode): boolean {
  return (
    node.items.some(
      (item) =>
        item.kind === 'count' ||
        (item.kind === 'field' && (item.aggregate !== null || isBareCount(item, node.relation))),
    ) || node.embeds.some((embed) => embed.spread && embed.rel.toOne && aggregates(embed.node))
  )
}

function orderSql(node: ReadNode, alias: string, params: Params): string[] {
  return node.order.map((term) => {
    let expr: string
    if (term.relation === null) {
      expr = fieldSql(alias, node.relation, term.field, node.label)
    } else {
      const embed = node.embeds.find((e) => e.key === term.relation)
      if (!embed?.rel.toOne) {
        throw new RestError(
          400,
          'PGRST118',
          `A related order on '${term.relation}' is not possible`,
          `'${term.relation}' must be a to-one embedded resource in 'select' to order by its columns`,
        )
      }
      const o = params.alias('o')
      const join = joinSql(embed.rel, o, alias, params.alias('oj'))
      const target = embed.rel.target
      expr = `(select ${fieldSql(o, target, term.field, embed.node.label)} from ${embedSource(embed.rel, alias)} as ${o}${join.from} where ${join.where})`
    }
    const dir = term.direction ? ` ${term.direction}` : ''
    const nulls = term.nulls ? ` nulls ${term.nulls}` : ''
    return `${expr}${dir}${nulls}`
  })
}

/** Keys named by `is.null` / `is.not_null` filters: they may be embeds filtered on being found. */
function nullFilteredKeys(filters: FilterNode[], keys = new Set<string>()): Set<string> {
  for (const filter of filters) {
    if (filter.kind === 'logic') nullFilteredKeys(filter.children, keys)
    else if (filter.op === 'is' && filter.field.jsonPath.length === 0) keys.add(filter.field.column)
  }
  return keys
}

const aggregateSql = (fn: string, input: string, cast: string | null) =>
  cast ? `(${fn}(${input}))::${cast}` : `${fn}(${input})`

/** Compiles one read level (and, recursively, its embeds as lateral joins) into a SELECT. */
export function compileNode(node: ReadNode, params: Params, opts: CompileOptions): CompiledNode {
  const aggregated = aggregates(node)
  if (opts.mode === 'count' && aggregated) {
    // Grouped rows: count the groups, embeds included (they may be grouped by).
    const rows = compileNode(node, params, {
      ...opts,
      mode: 'rows',
      page: { limit: null, offset: null },
    })
    return { sql: `select 1 from (${rows.sql}) as _g`, outputs: [] }
  }
  const a = opts.alias
  const select: string[] = []
  const outputs: CompiledOutput[] = []
  const joins: string[] = []
  const where: string[] = [...(opts.extraWhere ?? [])]
  const groupBy: string[] = []
  const hoisting = opts.hoist === true
  for (const item of node.items) {
    if (item.kind === 'star') {
      select.push(`${a}.*`)
      for (const column of node.relation.columnList) {
        outputs.push({ name: column.name, agg: null })
        groupBy.push(`${a}.${ident(column.name)}`)
      }
      continue
    }
    const compiled = itemSql(item, a, node)
    if (hoisting && compiled.agg) {
      select.push(`${compiled.agg.input} as ${ident(compiled.name)}`)
      outputs.push({ name: compiled.name, agg: { fn: compiled.agg.fn, cast: compiled.agg.cast } })
      continue
    }
    select.push(`${compiled.expr} as ${ident(compiled.name)}`)
    outputs.push({ name: compiled.name, agg: null })
    if (compiled.group) groupBy.push(compiled.group)
  }
  const nullFiltered = nullFilteredKeys(node.filters)
  const presence = new Map<string, string>()
  for (const embed of node.embeds) {
    if (opts.mode === 'count' && !embed.inner && !nullFiltered.has(embed.key)) continue
    const e = params.alias('e')
    const c = params.alias('t')
    const join = joinSql(embed.rel, c, a, params.alias('j'))
    const toOneSpread = embed.spread && embed.rel.toOne
    const child = compileNode(embed.node, params, {
      source: embedSource(embed.rel, a),
      alias: c,
      mode: 'rows',
      extraFrom: join.from,
      extraWhere: [join.where],
      marker: toOneSpread,
      hoist: toOneSpread,
    })
    if (toOneSpread) {
      joins.push(`left join lateral (${child.sql}) as ${e} on true`)
      for (const output of child.outputs) {
        const column = `${e}.${ident(output.name)}`
        if (output.agg && hoisting) {
          select.push(`${column} as ${ident(output.name)}`)
          outputs.push(output)
        } else if (output.agg) {
          select.push(
            `${aggregateSql(output.agg.fn, column, output.agg.cast)} as ${ident(output.name)}`,
          )
          outputs.push({ name: output.name, agg: null })
        } else {
          select.push(`${column} as ${ident(output.name)}`)
          outputs.push(output)
          groupBy.push(column)
        }
      }
      presence.set(embed.key, `${e}.pgrst_found is true`)
      if (embed.inner) where.push(`${e}.pgrst_found`)
    } else if (embed.spread) {
      // To-many spread (PostgREST 13): each column becomes the array of the children's values.
      if (aggregates(embed.node)) {
        throw new RestError(
          400,
          'PGRST127',
          'Feature not implemented',
          'Aggregates are not implemented for one-to-many or many-to-many spreads.',
        )
      }
      const columns = child.outputs.map(
        (output) =>
          `coalesce(jsonb_agg(_s.${ident(output.name)}), '[]'::jsonb) as ${ident(output.name)}`,
      )
      joins.push(
        `left join lateral (select ${[...columns, 'count(*) > 0 as pgrst_found'].join(', ')} from (${child.sql}) as _s) as ${e} on true`,
      )
      for (const output of child.outputs) {
        const column = `${e}.${ident(output.name)}`
        select.push(`${column} as ${ident(output.name)}`)
        outputs.push({ name: output.name, agg: null })
        groupBy.push(column)
      }
      presence.set(embed.key, `${e}.pgrst_found`)
      if (embed.inner) where.push(`${e}.pgrst_found`)
    } else {
      // jsonb as PostgREST builds embeds, so a level with aggregates can group by them.
      const body = embed.rel.toOne ? 'row_to_json(_e)::jsonb' : 'jsonb_agg(_e)'
      joins.push(
        `left join lateral (select ${body} as body from (${child.sql}) as _e) as ${e} on true`,
      )
      const value = embed.rel.toOne ? `${e}.body` : `coalesce(${e}.body, '[]'::jsonb)`
      if (!embed.empty) {
        select.push(`${value} as ${ident(embed.key)}`)
        outputs.push({ name: embed.key, agg: null })
        groupBy.push(value)
      }
      presence.set(embed.key, `${e}.body is not null`)
      if (embed.inner) where.push(`${e}.body is not null`)
    }
  }
  const scope = { label: node.label, embedPresence: (key: string) => presence.get(key) }
  for (const filter of node.filters) where.push(filterSql(filter, a, node.relation, params, scope))
  if (opts.marker) select.push('true as pgrst_found')
  const selectList = opts.mode === 'count' ? '1' : select.join(', ') || 'null as pgrst_empty'
  let sql = `select ${selectList} from ${opts.source} as ${a}${opts.extraFrom ?? ''}`
  if (joins.length) sql += ` ${joins.join(' ')}`
  if (where.length) sql += ` where ${where.join(' and ')}`
  if (aggregated && !hoisting && groupBy.length) sql += ` group by ${groupBy.join(', ')}`
  if (opts.mode === 'rows') {
    const order = orderSql(node, a, params)
    if (order.length) sql += ` order by ${order.join(', ')}`
    const page = opts.page ?? { limit: node.limit, offset: node.offset }
    if (page.limit !== null) sql += ` limit ${params.bind(page.limit)}`
    if (page.offset !== null && page.offset > 0) sql += ` offset ${params.bind(page.offset)}`
  }
  return { sql, outputs }
}
