'use client'

import type { ActionResult } from '@repo/actions/result'
import type { CustomerImportCheck, CustomerImportResult } from '@repo/database/repositories'
import {
  type ColumnMapping,
  type CsvDataRow,
  chunkRows,
  detectPreset,
  type ImportPresetId,
  mapRow,
  suggestMapping,
} from '@repo/domain/customer-import'
import { Button } from '@repo/ui/button'
import { Card, CardContent, CardHeader } from '@repo/ui/card'
import { Field } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import Link from 'next/link'
import { useMemo, useState } from 'react'
import { toast } from '@repo/ui/toast'
import {
  checkCustomerImportAction,
  commitCustomerImportAction,
  stageCustomerImportRowsAction,
  startCustomerImportAction,
} from '@/actions/customer-import/customer-import-actions.ts'
import { parseCsvFile } from '@/lib/parse-csv.ts'
import { ColumnMappingForm } from './column-mapping.tsx'
import { ImportPreview, ImportProblems } from './import-tables.tsx'
import { countOf } from '@repo/domain/counts'

interface LoadedFile {
  name: string
  headers: string[]
  rows: CsvDataRow[]
}

type Step =
  | { kind: 'mapping' }
  | { kind: 'uploading'; done: number; total: number }
  | { kind: 'checked'; importId: string; check: CustomerImportCheck }
  | { kind: 'committing'; importId: string; check: CustomerImportCheck }
  | { kind: 'done'; check: CustomerImportCheck; result: CustomerImportResult }

/** The answer's data, or a toast with its error and null. */
function dataOf<T>(result: ActionResult<T>): T | null {
  if (result.ok) return result.data
  toast.error(result.error)
  return null
}

export function CustomerImport() {
  const [file, setFile] = useState<LoadedFile | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [presetId, setPresetId] = useState<ImportPresetId>('generic')
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  const [step, setStep] = useState<Step>({ kind: 'mapping' })

  const mapped = useMemo(
    () => (file && mapping ? file.rows.map((r) => mapRow(r, mapping)) : []),
    [file, mapping],
  )
  const byNumber = useMemo(() => new Map(mapped.map((r) => [r.csv_row, r])), [mapped])

  async function pick(picked: File | undefined) {
    setFile(null)
    setStep({ kind: 'mapping' })
    setFileError(null)
    if (!picked) return
    const table = await parseCsvFile(picked)
    if (!table.ok) {
      setFileError(table.error)
      return
    }
    const preset = detectPreset(table.headers)
    setPresetId(preset)
    setMapping(suggestMapping(table.headers, preset))
    setFile({ name: picked.name, headers: table.headers, rows: table.rows })
  }

  /** Uploads every row in chunks (the progress bar counts them), then asks the database for the dry run. */
  async function check() {
    if (!file) return
    const chunks = chunkRows(mapped)
    setStep({ kind: 'uploading', done: 0, total: chunks.length })
    const back = () => setStep({ kind: 'mapping' })
    const started = dataOf(
      await startCustomerImportAction({ fileName: file.name, totalRows: mapped.length }),
    )
    if (!started) return back()
    for (const [i, rows] of chunks.entries()) {
      if (!dataOf(await stageCustomerImportRowsAction({ importId: started.importId, rows })))
        return back()
      setStep({ kind: 'uploading', done: i + 1, total: chunks.length })
    }
    const result = dataOf(await checkCustomerImportAction({ importId: started.importId }))
    if (!result) return back()
    setStep({ kind: 'checked', importId: started.importId, check: result })
  }

  async function commit() {
    if (step.kind !== 'checked') return
    setStep({ ...step, kind: 'committing' })
    const result = dataOf(await commitCustomerImportAction({ importId: step.importId }))
    if (!result) return setStep({ ...step, kind: 'checked' })
    toast.success(`${countOf(result.imported, 'customer', 'customers')} imported`)
    setStep({ kind: 'done', check: step.check, result })
  }

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next)
    setStep({ kind: 'mapping' })
  }
  const busy = step.kind === 'uploading' || step.kind === 'committing'

  return (
    <div className="space-y-4">
      <Card aria-labelledby="import-file-heading">
        <CardHeader id="import-file-heading" title="1. Pick a CSV file" />
        <CardContent className="space-y-2">
          <Field
            id="import-file"
            label="CSV file"
            hint="One customer per row, with a header row naming the columns. Up to 20,000 rows."
            error={fileError ?? undefined}
          >
            {(control) => (
              <Input
                {...control}
                type="file"
                accept=".csv,text/csv"
                disabled={busy}
                onChange={(e) => void pick(e.target.files?.[0])}
              />
            )}
          </Field>
          {file ? (
            <p className="text-sm text-slate-700">
              <strong>{file.name}</strong>: {countOf(file.rows.length, 'row', 'rows')},{' '}
              {countOf(file.headers.length, 'column', 'columns')}
            </p>
          ) : null}
        </CardContent>
      </Card>

      {file && mapping ? (
        <Card aria-labelledby="import-mapping-heading">
          <CardHeader id="import-mapping-heading" title="2. Match the columns" />
          <CardContent className="space-y-4">
            <ColumnMappingForm
              headers={file.headers}
              presetId={presetId}
              mapping={mapping}
              onPreset={(preset) => {
                setPresetId(preset)
                changeMapping(suggestMapping(file.headers, preset))
              }}
              onMapping={changeMapping}
            />
            <h3 className="font-semibold">
              Preview of the first {Math.min(5, mapped.length)} rows
            </h3>
            <ImportPreview rows={mapped.slice(0, 5)} />
          </CardContent>
        </Card>
      ) : null}

      {file && mapping ? (
        <Card aria-labelledby="import-check-heading">
          <CardHeader id="import-check-heading" title="3. Check and import" />
          <CardContent className="space-y-4">
            {step.kind === 'mapping' || step.kind === 'uploading' ? (
              <div className="space-y-3">
                <p className="text-sm text-slate-700">
                  The check uploads the rows and finds every problem, including customers you
                  already have (same e-mail or phone). Nothing is imported until you confirm.
                </p>
                <Button
                  onClick={() => void check()}
                  pending={step.kind === 'uploading'}
                  disabled={busy}
                >
                  Check {countOf(mapped.length, 'row', 'rows')}
                </Button>
              </div>
            ) : null}
            {step.kind === 'uploading' ? (
              <div className="space-y-1">
                <label htmlFor="import-progress" className="text-sm text-slate-700">
                  Uploading: {step.done} of {countOf(step.total, 'part', 'parts')}
                </label>
                <progress
                  id="import-progress"
                  className="h-2 w-full accent-sky-700"
                  max={step.total}
                  value={step.done}
                />
              </div>
            ) : null}
            {step.kind === 'checked' || step.kind === 'committing' ? (
              <div className="space-y-3" data-testid="import-dry-run">
                <p role="status" className="font-medium">
                  {countOf(step.check.ready, 'customer', 'customers')} will be imported,{' '}
                  {countOf(step.check.problems.length, 'row has', 'rows have')} problems
                  {step.check.problems.length ? ' and will be skipped' : ''}.
                </p>
                <ImportProblems problems={step.check.problems} rowsByNumber={byNumber} />
                <Button
                  onClick={() => void commit()}
                  pending={step.kind === 'committing'}
                  disabled={step.kind === 'committing' || step.check.ready === 0}
                >
                  Import {countOf(step.check.ready, 'customer', 'customers')}
                </Button>
              </div>
            ) : null}
            {step.kind === 'done' ? (
              <div className="space-y-3" data-testid="import-done">
                <p role="status" className="font-medium">
                  {countOf(step.result.imported, 'customer', 'customers')} imported
                  {step.result.failed
                    ? `, ${countOf(step.result.failed, 'row', 'rows')} skipped`
                    : ''}
                  .
                </p>
                <ImportProblems problems={step.check.problems} rowsByNumber={byNumber} />
                <Button asChild variant="secondary">
                  <Link href="/customers">View customers</Link>
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  )
}
