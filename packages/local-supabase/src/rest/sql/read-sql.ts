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
    items: SelectItem[],
    path: string,
    names: string[],
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
      if (item.spread && !relationship.toOne) {
        throw new RestError(
          400,
          'PGRST119',
          `A spread operation on '${item.name}' is not possible`,
          `'${rel.name}' and '${item.name}' do not form a many-to-one or one-to-one relationship`,
        )
      }
      const childNames = names.flatMap((prefix) => {
        const base = prefix === '' ? '' : `${prefix}.`
        return item.alias
          ? [`${base}${item.alias}`, `${base}${item.name}`]
          : [`${base}${item.name}`]
      })
      const child = build(
        relationship.target,
        item.items.length ? item.items : [{ kind: 'star' }],
        key,
        childNames,
      )
      node.embeds.push({
        node: child,
        key,
        rel: relationship,
        inner: item.joinType === 'inner',
        spread: item.spread,
      })
    }
    return node
  }
  const root = build(relation, query.select, '', [''])
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
  /** Skip the node's own limit/offset (the caller applies the top-level page). */
  page?: { limit: number | null; offset: number | null }
}

export interface CompiledNode {
  sql: string
  outputNames: string[]
}

function itemSql(item: ReadNode['items'][number], alias: string, relation: RelationInfo) {
  if (item.kind === 'star') return null
  if (item.kind === 'count') {
    const expr = item.cast ? `count(*)::${item.cast}` : 'count(*)'
    return { expr, name: item.alias ?? 'count', group: null }
  }
  // `rel(count)`: PostgREST reads a bare `count` that is not a column as the row count.
  if (
    item.field.column === 'count' &&
    item.field.jsonPath.length === 0 &&
    !item.aggregate &&
    !relation.columns.has('count')
  ) {
    return {
      expr: item.cast ? `count(*)::${item.cast}` : 'count(*)',
      name: item.alias ?? 'count',
      group: null,
    }
  }
  let expr = fieldSql(alias, relation, item.field)
  if (item.cast) expr = `(${expr})::${item.cast}`
  if (item.aggregate) {
    let agg = `${item.aggregate}(${expr})`
    if (item.aggregateCast) agg = `(${agg})::${item.aggregateCast}`
    return { expr: agg, name: item.alias ?? item.aggregate, group: null }
  }
  return { expr, name: item.alias ?? defaultFieldName(item.field), group: expr }
}

function orderSql(node: ReadNode, alias: string, params: Params): string[] {
  return node.order.map((term) => {
    let expr: string
    if (term.relation === null) {
      expr = fieldSql(alias, node.relation, term.field)
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
      expr = `(select ${fieldSql(o, target, term.field)} from ${embedSource(embed.rel, alias)} as ${o}${join.from} where ${join.where})`
    }
    const dir = term.direction ? ` ${term.direction}` : ''
    const nulls = term.nulls ? ` nulls ${term.nulls}` : ''
    return `${expr}${dir}${nulls}`
  })
}

/** Compiles one read level (and, recursively, its embeds as lateral joins) into a SELECT. */
export function compileNode(node: ReadNode, params: Params, opts: CompileOptions): CompiledNode {
  const a = opts.alias
  const select: string[] = []
  const outputNames: string[] = []
  const joins: string[] = []
  const where: string[] = [...(opts.extraWhere ?? [])]
  const groupBy: string[] = []
  let aggregated = false
  for (const item of node.items) {
    if (item.kind === 'star') {
      select.push(`${a}.*`)
      outputNames.push(...node.relation.columnList.map((c) => c.name))
      continue
    }
    const compiled = itemSql(item, a, node.relation)
    if (!compiled) continue
    select.push(`${compiled.expr} as ${ident(compiled.name)}`)
    outputNames.push(compiled.name)
    if (compiled.group) groupBy.push(compiled.group)
    else aggregated = true
  }
  if (aggregated && node.embeds.length) {
    throw new RestError(
      400,
      'PGRST123',
      'Aggregate functions cannot be combined with embedded resources at the same level',
      null,
      'Select the aggregate on the embedded resource itself, or query it separately.',
    )
  }
  for (const embed of node.embeds) {
    if (opts.mode === 'count' && !embed.inner) continue
    const e = params.alias('e')
    const c = params.alias('t')
    const join = joinSql(embed.rel, c, a, params.alias('j'))
    const child = compileNode(embed.node, params, {
      source: embedSource(embed.rel, a),
      alias: c,
      mode: 'rows',
      extraFrom: join.from,
      extraWhere: [join.where],
      marker: embed.spread,
    })
    if (embed.spread) {
      joins.push(`left join lateral (${child.sql}) as ${e} on true`)
      for (const name of child.outputNames) {
        select.push(`${e}.${ident(name)}`)
        outputNames.push(name)
      }
      if (embed.inner) where.push(`${e}.pgrst_found`)
    } else {
      const body = embed.rel.toOne ? 'row_to_json(_e)' : 'json_agg(_e)'
      joins.push(
        `left join lateral (select ${body} as body from (${child.sql}) as _e) as ${e} on true`,
      )
      select.push(
        `${embed.rel.toOne ? `${e}.body` : `coalesce(${e}.body, '[]'::json)`} as ${ident(embed.key)}`,
      )
      outputNames.push(embed.key)
      if (embed.inner) where.push(`${e}.body is not null`)
    }
  }
  for (const filter of node.filters) where.push(filterSql(filter, a, node.relation, params))
  if (opts.marker) select.push('true as pgrst_found')
  const selectList = opts.mode === 'count' ? '1' : select.join(', ') || 'null as pgrst_empty'
  let sql = `select ${selectList} from ${opts.source} as ${a}${opts.extraFrom ?? ''}`
  if (joins.length) sql += ` ${joins.join(' ')}`
  if (where.length) sql += ` where ${where.join(' and ')}`
  if (aggregated && groupBy.length) sql += ` group by ${groupBy.join(', ')}`
  if (opts.mode === 'rows') {
    const order = orderSql(node, a, params)
    if (order.length) sql += ` order by ${order.join(', ')}`
    const page = opts.page ?? { limit: node.limit, offset: node.offset }
    if (page.limit !== null) sql += ` limit ${params.bind(page.limit)}`
    if (page.offset !== null && page.offset > 0) sql += ` offset ${params.bind(page.offset)}`
  }
  return { sql, outputNames }
}
