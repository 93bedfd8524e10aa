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
const coveredBy = (cols: string[], keys: string[][]) =>
  keys.some((key) => cols.every((c) => key.includes(c)))

function describe(rel: Relationship, from: RelationInfo): Record<string, string> {
  const cardinality = rel.kind === 'one-to-many' && rel.toOne ? 'one-to-one' : rel.kind
  return {
    cardinality,
    embedding: `${from.name} with ${rel.target.name}`,
    relationship: rel.junction
      ? `${rel.fk.name}[${rel.fk.columns.join(', ')}][${rel.fk.refColumns.join(', ')}] and ${rel.junction.childFk.name} using ${rel.junction.relation.name}`
      : `${rel.fk.name} using ${rel.fk.table}(${rel.fk.columns.join(', ')}) and ${rel.fk.refTable}(${rel.fk.refColumns.join(', ')})`,
  }
}

function candidates(cache: SchemaCache, from: RelationInfo, target: RelationInfo): Relationship[] {
  const found: Relationship[] = []
  const isFrom = (schema: string, table: string) => schema === from.schema && table === from.name
  const isTarget = (schema: string, table: string) =>
    schema === target.schema && table === target.name
  for (const fk of cache.foreignKeys) {
    if (isFrom(fk.schema, fk.table) && isTarget(fk.refSchema, fk.refTable)) {
      found.push({ kind: 'many-to-one', fk, junction: null, target, toOne: true })
    }
    if (isTarget(fk.schema, fk.table) && isFrom(fk.refSchema, fk.refTable)) {
      const toOne = target.uniqueKeys.some((key) => sameColumns(key, fk.columns))
      found.push({ kind: 'one-to-many', fk, junction: null, target, toOne })
    }
  }
  // Junctions: a table with keys to both sides whose key columns are part of its own unique keys.
  for (const parentFk of cache.foreignKeys) {
    if (!isFrom(parentFk.refSchema, parentFk.refTable)) continue
    const junction = cache.relations.get(relationKey(parentFk.schema, parentFk.table))
    if (!junction || (junction.schema === from.schema && junction.name === from.name)) continue
    if (junction.schema === target.schema && junction.name === target.name) continue
    for (const childFk of cache.foreignKeys) {
      if (
        childFk === parentFk ||
        childFk.schema !== junction.schema ||
        childFk.table !== junction.name
      )
        continue
      if (!isTarget(childFk.refSchema, childFk.refTable)) continue
      if (!coveredBy([...parentFk.columns, ...childFk.columns], junction.uniqueKeys)) continue
      found.push({
        kind: 'many-to-many',
        fk: parentFk,
        junction: { relation: junction, childFk },
        target,
        toOne: false,
      })
    }
  }
  return found
}

function matchesHint(rel: Relationship, hint: string): boolean {
  if (rel.fk.name === hint) return true
  if (rel.junction) return rel.junction.relation.name === hint || rel.junction.childFk.name === hint
  return rel.fk.columns.includes(hint) || rel.fk.refColumns.includes(hint)
}

/** Finds the one relationship `from` → `name` (a table, or a foreign-key column/constraint of `from`). */
export function resolveRelationship(
  cache: SchemaCache,
  from: RelationInfo,
  name: string,
  hint: string | null,
): Relationship {
  let found: Relationship[] = []
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
      via,
    }
  }
  const target = cache.relations.get(relationKey(from.schema, name))
  if (target) {
    found = candidates(cache, from, target)
    const self = (rel: Relationship) =>
      rel.kind !== 'many-to-many' &&
      rel.fk.schema === rel.fk.refSchema &&
      rel.fk.table === rel.fk.refTable
    // PostgREST's convention for a table that references itself: the table name (optionally with the
    // referencing column as hint) is the one-to-many side; the many-to-one side is reached by the column name.
    found = found.filter((rel) =>
      self(rel)
        ? rel.kind === 'one-to-many' &&
          (hint === null || rel.fk.name === hint || rel.fk.columns.includes(hint))
        : hint === null || matchesHint(rel, hint),
    )
  } else {
    // `select=*,owner_id(*)` or `select=*,fk_name(*)`: embed through a key of `from` itself.
    for (const fk of cache.foreignKeys) {
      if (fk.schema !== from.schema || fk.table !== from.name) continue
      if (fk.name !== name && !(fk.columns.length === 1 && fk.columns[0] === name)) continue
      const ref = cache.relations.get(relationKey(fk.refSchema, fk.refTable))
      if (ref) found.push({ kind: 'many-to-one', fk, junction: null, target: ref, toOne: true })
    }
  }
  if (found.length === 1) return found[0] as Relationship
  if (found.length === 0) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${from.name}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${from.name}' and '${name}'${hint ? ` using the hint '${hint}'` : ''} in the schema '${from.schema}', but no matches were found.`,
      'Verify that the tables exist and that a foreign key relates them, then reload the schema cache if it was just added.',
    )
  }
  const options = found.map(
    (rel) => `'${name}!${rel.junction ? rel.junction.relation.name : rel.fk.name}'`,
  )
  throw new RestError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${from.name}' and '${name}'`,
    JSON.stringify(found.map((rel) => describe(rel, from))),
    `Try changing '${name}' to one of the following: ${[...new Set(options)].join(', ')}. Find the desired relationship in the 'details' key.`,
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
