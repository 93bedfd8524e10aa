'use server'

import { ok } from '@repo/actions/result'
import {
  checkCustomerImport,
  commitCustomerImport,
  stageCustomerImportRows,
  startCustomerImport,
} from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { importIdSchema, stageRowsSchema, startImportSchema } from './schema.ts'

// The import's four steps, each one request: start, upload a chunk (repeated), dry run, commit.
// Every step runs as the signed-in staff member, so RLS and the database functions decide.

export const startCustomerImportAction = staffAction(
  { name: 'customers.import.start', schema: startImportSchema, role: 'customers.import' },
  async ({ input, ctx: { supabase, organization } }) => {
    const started = await startCustomerImport(supabase, {
      organizationId: organization.id,
      fileName: input.fileName,
      totalRows: input.totalRows,
    })
    return ok({ importId: started.id })
  },
)

export const stageCustomerImportRowsAction = staffAction(
  { name: 'customers.import.stage', schema: stageRowsSchema, role: 'customers.import' },
  async ({ input, ctx: { supabase } }) => {
    await stageCustomerImportRows(supabase, input.importId, input.rows)
    return ok({ staged: input.rows.length })
  },
)

export const checkCustomerImportAction = staffAction(
  { name: 'customers.import.check', schema: importIdSchema, role: 'customers.import' },
  async ({ input, ctx: { supabase } }) => ok(await checkCustomerImport(supabase, input.importId)),
)

export const commitCustomerImportAction = staffAction(
  { name: 'customers.import.commit', schema: importIdSchema, role: 'customers.import' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const result = await commitCustomerImport(supabase, input.importId)
    revalidate('/customers')
    return ok(result)
  },
)
