import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from './table.tsx'

describe('Table', () => {
  it('is a real table: named by its caption, column headers scoped to their columns', () => {
    render(
      <Table>
        <TableCaption>Open invoices</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead className="text-right">Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableHead scope="row">INV-1001</TableHead>
            <TableCell className="text-right">$120.00</TableCell>
          </TableRow>
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell>Total</TableCell>
            <TableCell>$120.00</TableCell>
          </TableRow>
        </TableFooter>
      </Table>,
    )
    const table = screen.getByRole('table', { name: 'Open invoices' })
    expect(table.parentElement?.dataset.slot).toBe('table-container')
    const headers = within(table).getAllByRole('columnheader')
    expect(headers.map((h) => h.textContent)).toEqual(['Number', 'Total'])
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true)
    expect(within(table).getByRole('rowheader', { name: 'INV-1001' }).getAttribute('scope')).toBe(
      'row',
    )
    expect(within(table).getAllByRole('cell', { name: '$120.00' })).toHaveLength(2)
  })
})
