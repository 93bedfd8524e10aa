import {
  describeImportProblem,
  rowProblems,
  type StagedCustomerRow,
} from '@repo/domain/customer-import'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'

const fullName = (r: StagedCustomerRow | undefined) =>
  r ? [r.first_name, r.last_name].filter(Boolean).join(' ') : ''

/** The first mapped rows as they will be imported, with the problems the browser can already see. */
export function ImportPreview({ rows }: { rows: StagedCustomerRow[] }) {
  return (
    <Table aria-label="Preview of the first rows">
      <TableHeader>
        <TableRow>
          <TableHead>Row</TableHead>
          <TableHead>Name</TableHead>
          <TableHead>E-mail</TableHead>
          <TableHead>Phone</TableHead>
          <TableHead>Address</TableHead>
          <TableHead>Problems</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const problems = rowProblems(r)
          return (
            <TableRow key={r.csv_row}>
              <TableCell>{r.csv_row}</TableCell>
              <TableCell className="max-w-48 break-words">{fullName(r) || '—'}</TableCell>
              <TableCell className="max-w-56 break-all">{r.email ?? '—'}</TableCell>
              <TableCell className="whitespace-nowrap">{r.phone ?? '—'}</TableCell>
              <TableCell className="max-w-64 break-words">
                {[r.address_line1, r.address_line2, r.city, r.region, r.postal_code]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </TableCell>
              <TableCell className={problems.length ? 'text-red-800' : 'text-slate-600'}>
                {problems.length ? problems.map(describeImportProblem).join('; ') : 'OK'}
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}

/** Shown at most; the counts above always cover every row. */
const SHOWN = 200

/** The dry run's (or the commit's) problems, one line per row, with the row's number in the file. */
export function ImportProblems({
  problems,
  rowsByNumber,
}: {
  problems: { row: number; problems: string[] }[]
  rowsByNumber: ReadonlyMap<number, StagedCustomerRow>
}) {
  if (problems.length === 0) return null
  return (
    <div className="space-y-2">
      <Table aria-label="Rows with problems">
        <TableHeader>
          <TableRow>
            <TableHead>Row</TableHead>
            <TableHead>Name</TableHead>
            <TableHead>Problem</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {problems.slice(0, SHOWN).map((p) => (
            <TableRow key={p.row} data-testid="import-problem">
              <TableCell>{p.row}</TableCell>
              <TableCell className="max-w-48 break-words">
                {fullName(rowsByNumber.get(p.row)) || '—'}
              </TableCell>
              <TableCell className="text-red-800">
                {p.problems.map(describeImportProblem).join('; ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {problems.length > SHOWN ? (
        <p className="text-sm text-slate-700">
          …and {problems.length - SHOWN} more rows with problems. Fix them in the file and import it
          again to add those customers.
        </p>
      ) : null}
    </div>
  )
}
