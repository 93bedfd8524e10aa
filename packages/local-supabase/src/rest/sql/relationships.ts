import { closest } from '../context.ts'
import { RestError } from '../errors.ts'
import {
  type ForeignKey,
  type FunctionInfo,
  type RelationInfo,
  relationKey,
  type SchemaCache,
} from '../schema-cache.ts'
import { ident, qualified } from './quote.ts'

export interface Relationship {
  kind: 'many-to-one' | 'one-to-many' | 'many-to-many' | 'computed'
  /** many-to-one: the key on the parent; one-to-many: the key on the child; many-to-many: parent side of the junction. */
  fk: ForeignKey
  /** many-to-many only: the junction and its key to the child. */
  junction: { relation: RelationInfo; childFk: ForeignKey } | null
  target: RelationInfo
  /** One row at most: many-to-one, or one-to-many over a unique key (one-to-one). */
  toOne: boolean
  /** The key columns are unique on the referencing side: PostgREST's one-to-one, in either direction. */
  oneToOne: boolean
  /** computed only: the function `fn(parent_row)` that yields the embedded rows. */
  via?: FunctionInfo
}

/** The FROM source of an embedded resource: its table, or the computed relationship's call. */
export function embedSource(rel: Relationship, parentAlias: string): string {
  if (rel.via) return `${qualified(rel.via.schema, rel.via.name)}(${parentAlias})`
  return qualified(rel.target.schema, rel.target.name)
}

const sameColumns = (a: string[], b: string[]) =>
  a.length === b.length && a.every((c) => b.includes(c))
const isView = (rel: RelationInfo) => rel.kind === 'view' || rel.kind === 'materialized_view'

/** Column pairs as PostgREST lists them: the embedding side's column first. */
function columnPairs(rel: Relationship): Array<[string, string]> {
  const { columns, refColumns } = rel.fk
  return rel.kind === 'many-to-one'
    ? columns.map((c, i) => [c, refColumns[i] as string])
    : refColumns.map((c, i) => [c, columns[i] as string])
}

/** One candidate in PGRST201's `details`, worded as PostgREST's Error.hs does. */
function describe(rel: Relationship, from: RelationInfo): Record<string, string> {
  const list = (cols: string[]) => `(${cols.join(', ')})`
  if (rel.junction) {
    return {
      cardinality: 'many-to-many',
      embedding: `${from.name} with ${rel.target.name}`,
      relationship: `${rel.junction.relation.name} using ${rel.fk.name}${list(rel.fk.columns)} and ${rel.junction.childFk.name}${list(rel.junction.childFk.columns)}`,
    }
  }
  const pairs = columnPairs(rel)
  return {
    cardinality: rel.oneToOne ? 'one-to-one' : rel.kind,
    embedding: `${from.name} with ${rel.target.name}`,
    relationship: `${rel.fk.name} using ${from.name}${list(pairs.map((p) => p[0]))} and ${rel.target.name}${list(pairs.map((p) => p[1]))}`,
  }
}

/** Every foreign-key relationship whose embedding side is `from` (PostgREST's relationships of a table or view). */
function relationshipsOf(cache: SchemaCache, from: RelationInfo): Relationship[] {
  const found: Relationship[] = []
  const is = (rel: RelationInfo, schema: string, table: string) =>
    schema === rel.schema && table === rel.name
  const relation = (schema: string, table: string) =>
    cache.relations.get(relationKey(schema, table))
  for (const fk of cache.foreignKeys) {
    const child = relation(fk.schema, fk.table)
    const parent = relation(fk.refSchema, fk.refTable)
    if (!child || !parent) continue
    const oneToOne = child.uniqueKeys.some((key) => sameColumns(key, fk.columns))
    if (is(from, fk.schema, fk.table)) {
      found.push({ kind: 'many-to-one', fk, junction: null, target: parent, toOne: true, oneToOne })
    }
    if (is(from, fk.refSchema, fk.refTable)) {
      found.push({
        kind: 'one-to-many',
        fk,
        junction: null,
        target: child,
        toOne: oneToOne,
        oneToOne,
      })
    }
  }
  // Junctions (PostgREST's addM2MRels): a table with keys to both sides, all their columns in its primary key.
  for (const parentFk of cache.foreignKeys) {
    if (!is(from, parentFk.refSchema, parentFk.refTable)) continue
    const junction = relation(parentFk.schema, parentFk.table)
    if (!junction || is(from, junction.schema, junction.name)) continue
    for (const childFk of cache.foreignKeys) {
      if (childFk === parentFk || !is(junction, childFk.schema, childFk.table)) continue
      const target = relation(childFk.refSchema, childFk.refTable)
      if (!target || is(junction, target.schema, target.name)) continue
      const keyColumns = [...parentFk.columns, ...childFk.columns]
      if (!keyColumns.every((c) => junction.primaryKey.includes(c))) continue
      if (childFk.name === parentFk.name) continue
      found.push({
        kind: 'many-to-many',
        fk: parentFk,
        junction: { relation: junction, childFk },
        target,
        toOne: false,
        oneToOne: false,
      })
    }
  }
  return found
}

const singleColumn = (rel: Relationship, side: 0 | 1): string | null => {
  if (rel.junction) return null
  const pairs = columnPairs(rel)
  return pairs.length === 1 ? (pairs[0] as [string, string])[side] : null
}

/**
 * PostgREST's findRel: `name` is the target table or view, or (on tables, without hint) a foreign
 * key's constraint name or its single column on the embedding side; a hint narrows a table name
 * by constraint, column on either side, or junction.
 */
function matches(rel: Relationship, name: string, hint: string | null): boolean {
  const self =
    !rel.junction && rel.fk.schema === rel.fk.refSchema && rel.fk.table === rel.fk.refTable
  const targetNamed = rel.target.name === name
  if (self) {
    // A table that references itself: its name is the one-to-many side, its key column the parent.
    if (hint === null) {
      return (
        (targetNamed && rel.kind === 'one-to-many') ||
        (rel.kind === 'many-to-one' && singleColumn(rel, 0) === name)
      )
    }
    return targetNamed && rel.kind === 'one-to-many' && singleColumn(rel, 1) === hint
  }
  if (hint === null) {
    if (targetNamed) return true
    if (isView(rel.target)) return false
    return (!rel.junction && rel.fk.name === name) || singleColumn(rel, 0) === name
  }
  return (
    targetNamed &&
    ((!rel.junction && rel.fk.name === hint) ||
      singleColumn(rel, 0) === hint ||
      singleColumn(rel, 1) === hint ||
      rel.junction?.relation.name === hint)
  )
}

function noRelationship(
  cache: SchemaCache,
  from: RelationInfo,
  name: string,
  hint: string | null,
  parents: RelationInfo[],
): RestError {
  // PostgREST suggests a child among the parent's relationships, or the parent among those having any.
  const children = relationshipsOf(cache, from).map((rel) => rel.target.name)
  const suggestion = children.length
    ? closest(
        name,
        children.filter((child) => child !== name),
      )
    : closest(
        from.name,
        parents.map((p) => p.name),
      )
  return new RestError(
    400,
    'PGRST200',
    `Could not find a relationship between '${from.name}' and '${name}' in the schema cache`,
    `Searched for a foreign key relationship between '${from.name}' and '${name}'${hint === null ? '' : ` using the hint '${hint}'`} in the schema '${from.schema}', but no matches were found.`,
    suggestion === null
      ? null
      : `Perhaps you meant '${suggestion}' instead of '${children.length ? name : from.name}'.`,
  )
}

/** Finds the one relationship `from` → `name` (a table or view, or a foreign-key column/constraint of `from`). */
export function resolveRelationship(
  cache: SchemaCache,
  from: RelationInfo,
  name: string,
  hint: string | null,
): Relationship {
  const via = from.computedRelations.get(name)
  const computedTarget = via?.returnRelation
    ? cache.relations.get(relationKey(via.returnRelation.schema, via.returnRelation.name))
    : undefined
  if (via && computedTarget) {
    // Computed relationships (PostgREST): a function of the parent row, embedded by its name.
    const fk: ForeignKey = {
      name: via.name,
      schema: from.schema,
      table: from.name,
      columns: [],
      refSchema: computedTarget.schema,
      refTable: computedTarget.name,
      refColumns: [],
    }
    return {
      kind: 'computed',
      fk,
      junction: null,
      target: computedTarget,
      toOne: via.singleRow,
      oneToOne: false,
      via,
    }
  }
  const found = relationshipsOf(cache, from).filter((rel) => matches(rel, name, hint))
  if (found.length === 1) return found[0] as Relationship
  if (found.length === 0) {
    const parents = [...cache.relations.values()].filter(
      (rel) => rel.schema === from.schema && relationshipsOf(cache, rel).length > 0,
    )
    throw noRelationship(cache, from, name, hint, parents)
  }
  const options = found.map(
    (rel) => `'${rel.target.name}!${rel.junction ? rel.junction.relation.name : rel.fk.name}'`,
  )
  throw new RestError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${from.name}' and '${name}'`,
    found.map((rel) => describe(rel, from)),
    `Try changing '${name}' to one of the following: ${options.join(', ')}. Find the desired relationship in the 'details' key.`,
  )
}

/**
 * The SQL that ties a child row (`child` alias) to its parent (`parent` alias), plus any join the
 * child's FROM needs (the junction of a many-to-many).
 */
export function joinSql(
  rel: Relationship,
  child: string,
  parent: string,
  junctionAlias: string,
): { from: string; where: string } {
  if (rel.kind === 'computed') return { from: '', where: 'true' }
  const eq = (a: string, ac: string, b: string, bc: string) =>
    `${a}.${ident(ac)} = ${b}.${ident(bc)}`
  if (rel.kind === 'many-to-one') {
    return {
      from: '',
      where: rel.fk.columns
        .map((c, i) => eq(child, rel.fk.refColumns[i] as string, parent, c))
        .join(' and '),
    }
  }
  if (rel.kind === 'one-to-many') {
    return {
      from: '',
      where: rel.fk.columns
        .map((c, i) => eq(child, c, parent, rel.fk.refColumns[i] as string))
        .join(' and '),
    }
  }
  const junction = rel.junction as NonNullable<Relationship['junction']>
  const on = junction.childFk.columns
    .map((c, i) => eq(junctionAlias, c, child, junction.childFk.refColumns[i] as string))
    .join(' and ')
  return {
    from: ` join ${ident(junction.relation.schema)}.${ident(junction.relation.name)} as ${junctionAlias} on ${on}`,
    where: rel.fk.columns
      .map((c, i) => eq(junctionAlias, c, parent, rel.fk.refColumns[i] as string))
      .join(' and '),
  }
}
