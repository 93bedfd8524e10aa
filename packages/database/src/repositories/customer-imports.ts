import type { Client, CustomerImportRow, CustomerImportStagedRow, RowInsert } from '../types.ts'
import { check, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** A staged row as the browser uploads it: the customer's fields and its row number in the file. */
export type StagedRowInput = Omit<
  RowInsert<'customer_import_rows'>,
  'import_id' | 'status' | 'errors' | 'customer_id'
>

/** What `check_customer_import` answers (the dry run). */
export interface CustomerImportCheck {
  /** Data rows in the file. */
  total: number
  /** Rows uploaded so far (the commit needs all of them). */
  staged: number
  /** Rows that would be imported now. */
  ready: number
  /** Every row with a problem, in file order; codes worded by @repo/domain/customer-import. */
  problems: { row: number; problems: string[] }[]
}

/** What `commit_customer_import` answers. */
export interface CustomerImportResult {
  imported: number
  failed: number
  /** True when the import had already been committed (a double submit): nothing was imported again. */
  alreadyCommitted: boolean
}

const STALE_AFTER_MS = 24 * 3_600_000

/**
 * Starts an import for the signed-in staff member (RLS: owner, admin or office of the organization),
 * discarding their own unfinished imports older than a day.
 */
export async function startCustomerImport(
  client: Client,
  input: { organizationId: string; fileName: string; totalRows: number },
): Promise<CustomerImportRow> {
  const organizationId = assertUuid(input.organizationId, 'organizationId')
  check(
    await client
      .from('customer_imports')
      .delete()
      .eq('status', 'staging')
      .lt('created_at', new Date(Date.now() - STALE_AFTER_MS).toISOString()),
    'discarding old customer imports',
  )
  return unwrap(
    await client
      .from('customer_imports')
      .insert({
        organization_id: organizationId,
        file_name: input.fileName,
        total_rows: input.totalRows,
      })
      .select('*')
      .single(),
    'starting a customer import',
  )
}

/**
 * Uploads one chunk of rows. A chunk sent twice (a retry after a lost answer) is not staged twice:
 * rows already there are skipped.
 */
export async function stageCustomerImportRows(
  client: Client,
  importId: string,
  rows: readonly StagedRowInput[],
): Promise<void> {
  const id = assertUuid(importId, 'importId')
  if (rows.length === 0) throw new ValidationError('rows', 'must not be empty')
  check(
    await client.from('customer_import_rows').upsert(
      rows.map((r) => ({ ...r, import_id: id })),
      { onConflict: 'import_id,csv_row', ignoreDuplicates: true },
    ),
    'uploading customer import rows',
  )
}

export async function getCustomerImport(
  client: Client,
  importId: string,
): Promise<CustomerImportRow> {
  const id = assertUuid(importId, 'importId')
  return unwrapOne(
    await client.from('customer_imports').select('*').eq('id', id).maybeSingle(),
    'loading customer import',
    'customer import',
    id,
  )
}

/** The rows of an import in file order (after the commit: each row's status, problems and customer). */
export async function listCustomerImportRows(
  client: Client,
  importId: string,
  options: { from?: number; limit?: number } = {},
): Promise<CustomerImportStagedRow[]> {
  const id = assertUuid(importId, 'importId')
  const from = options.from ?? 0
  return unwrap(
    await client
      .from('customer_import_rows')
      .select('*')
      .eq('import_id', id)
      .order('csv_row', { ascending: true })
      .range(from, from + (options.limit ?? 1000) - 1),
    'listing customer import rows',
  )
}

/** The dry run: every problem the commit would find now, checked by the database; changes nothing. */
export async function checkCustomerImport(
  client: Client,
  importId: string,
): Promise<CustomerImportCheck> {
  const id = assertUuid(importId, 'importId')
  // The shape is the function's jsonb_build_object (migration …20_customer_import).
  return unwrap(
    await client.rpc('check_customer_import', { p_import_id: id }),
    'checking customer import',
  ) as unknown as CustomerImportCheck
}

/** Imports every valid row in one transaction; a second call returns the first call's counts. */
export async function commitCustomerImport(
  client: Client,
  importId: string,
): Promise<CustomerImportResult> {
  const id = assertUuid(importId, 'importId')
  return unwrap(
    await client.rpc('commit_customer_import', { p_import_id: id }),
    'importing customers',
  ) as unknown as CustomerImportResult
}
