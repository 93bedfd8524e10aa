import { MAX_IMPORT_ROWS, STAGED_CELL_MAX_CHARS } from '@repo/database/limits'
import { IMPORT_CHUNK_ROWS } from '@repo/domain/customer-import'
import { z } from 'zod'
import { recordId } from '../ids.ts'

// Only shapes and sizes here: which rows are valid is for the database's dry run to say.
const cell = z.string().max(STAGED_CELL_MAX_CHARS).nullable()

export const startImportSchema = z.object({
  fileName: z.string().trim().min(1, 'The file has no name').max(255, 'The file name is too long'),
  totalRows: z
    .number()
    .int()
    .min(1)
    .max(MAX_IMPORT_ROWS, `At most ${MAX_IMPORT_ROWS} rows per import`),
})

export const stageRowsSchema = z.object({
  importId: recordId('Import'),
  rows: z
    .array(
      z.object({
        csv_row: z.number().int().min(2),
        first_name: cell,
        last_name: cell,
        email: cell,
        phone: cell,
        address_line1: cell,
        address_line2: cell,
        city: cell,
        region: cell,
        postal_code: cell,
      }),
    )
    .min(1)
    .max(IMPORT_CHUNK_ROWS),
})

export const importIdSchema = z.object({ importId: recordId('Import') })
