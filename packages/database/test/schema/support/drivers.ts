import type { SupabaseClient } from '@supabase/supabase-js'
import { asPersona, clientFor, type Persona } from './personas.ts'
import { quoteIdent } from './world.ts'

/** One API call, described independently of how it is sent. */
export type Operation =
  | { kind: 'select'; table: string; id: string }
  | { kind: 'insert'; table: string; values: Record<string, unknown> }
  | { kind: 'update'; table: string; id: string; values: Record<string, unknown> }
  | { kind: 'delete'; table: string; id: string }
  | { kind: 'rpc'; fn: string; args: Record<string, unknown> }

export interface OperationResult {
  error: string | null
  /** Rows a select returned. */
  rows: number
  data: unknown
}

export interface Driver {
  name: string
  run(persona: Persona, op: Operation): Promise<OperationResult>
}

const errorMessage = (error: unknown) => (error as { message?: string }).message ?? String(error)

/** Sends operations as SQL inside a transaction with the persona's claims and role. */
export const sqlDriver: Driver = {
  name: 'SQL',
  async run(persona, op) {
    try {
      return await asPersona(persona, async (client) => {
        switch (op.kind) {
          case 'select': {
            const r = await client.query(
              `select id from public.${quoteIdent(op.table)} where id = $1`,
              [op.id],
            )
            return { error: null, rows: r.rowCount ?? 0, data: r.rows }
          }
          case 'insert': {
            const cols = Object.keys(op.values)
            await client.query(
              `insert into public.${quoteIdent(op.table)} (${cols.map(quoteIdent).join(', ')})
               values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
              Object.values(op.values),
            )
            return { error: null, rows: 0, data: null }
          }
          case 'update': {
            const cols = Object.keys(op.values)
            const sets = cols.map((c, i) => `${quoteIdent(c)} = $${i + 2}`).join(', ')
            await client.query(`update public.${quoteIdent(op.table)} set ${sets} where id = $1`, [
              op.id,
              ...Object.values(op.values),
            ])
            return { error: null, rows: 0, data: null }
          }
          case 'delete': {
            await client.query(`delete from public.${quoteIdent(op.table)} where id = $1`, [op.id])
            return { error: null, rows: 0, data: null }
          }
          case 'rpc': {
            const names = Object.keys(op.args)
            const args = names.map((n, i) => `${quoteIdent(n)} => $${i + 1}`).join(', ')
            const values = Object.values(op.args).map((v) =>
              typeof v === 'object' && v !== null ? JSON.stringify(v) : v,
            )
            const r = await client.query(
              `select * from public.${quoteIdent(op.fn)}(${args})`,
              values,
            )
            return { error: null, rows: r.rowCount ?? 0, data: r.rows }
          }
        }
      })
    } catch (error) {
      return { error: errorMessage(error), rows: 0, data: null }
    }
  },
}

/** Sends operations through supabase-js to the local stack's REST API. */
export const restDriver: Driver = {
  name: 'REST',
  async run(persona, op) {
    // Table and function names vary per case; the typed client cannot follow a string variable.
    const client = clientFor(persona) as unknown as SupabaseClient
    try {
      switch (op.kind) {
        case 'select': {
          const { data, error } = await client.from(op.table).select('id').eq('id', op.id)
          return { error: error?.message ?? null, rows: data?.length ?? 0, data }
        }
        case 'insert': {
          const { error } = await client.from(op.table).insert(op.values)
          return { error: error?.message ?? null, rows: 0, data: null }
        }
        case 'update': {
          const { error } = await client.from(op.table).update(op.values).eq('id', op.id)
          return { error: error?.message ?? null, rows: 0, data: null }
        }
        case 'delete': {
          const { error } = await client.from(op.table).delete().eq('id', op.id)
          return { error: error?.message ?? null, rows: 0, data: null }
        }
        case 'rpc': {
          const { data, error } = await client.rpc(op.fn, op.args)
          return { error: error?.message ?? null, rows: data === null ? 0 : 1, data }
        }
      }
    } catch (error) {
      return { error: errorMessage(error), rows: 0, data: null }
    }
  },
}
