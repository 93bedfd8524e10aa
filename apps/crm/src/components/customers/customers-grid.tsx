'use client'

import type { CustomerRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { can } from '@repo/domain/staff'
import { useOrganizationUpdates } from '@repo/realtime'
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { EmptyState } from '@repo/ui/empty-state'
import { Field } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { type KeyboardEvent, useEffect, useMemo, useRef, useState, useTransition } from 'react'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import {
  type CustomerGridQuery,
  customerGridHref,
  type GridPortalFilter,
  type GridSortColumn,
  gridSortColumns,
  pageSize,
} from '@/lib/customer-query.ts'
import { useFeedRefresh } from '@/live/use-feed-refresh.ts'

/** The grid's columns; dates in the organization's zone. */
const customerColumns = (timeZone: string): ColumnDef<CustomerRow>[] => [
  {
    id: 'last_name',
    header: 'Name',
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-2">
        <Link href={`/customers/${row.original.id}`} prefetch={false} tabIndex={-1} className="font-medium text-sky-800 hover:underline">
          {row.original.last_name}, {row.original.first_name}
        </Link>
        {row.original.archived_at ? <Badge tone="neutral">Archived</Badge> : null}
      </span>
    ),
  },
  { id: 'email', header: 'Email', cell: ({ row }) => row.original.email ?? '—' },
  { id: 'phone', header: 'Phone', cell: ({ row }) => row.original.phone ?? '—' },
  { id: 'city', header: 'City', cell: ({ row }) => row.original.city ?? '—' },
  {
    id: 'portal',
    header: 'Portal',
    cell: ({ row }) =>
      row.original.portal_user_id ? (
        <Badge tone="success">Active</Badge>
      ) : (
        <span className="text-xs text-slate-600">No login</span>
      ),
  },
  { id: 'updated_at', header: 'Updated', cell: ({ row }) => formatDateTime(row.original.updated_at, timeZone) },
]

const sortable = new Set<string>(gridSortColumns)

export function CustomersGrid({ rows, total, query }: { rows: CustomerRow[]; total: number; query: CustomerGridQuery }) {
  const router = useRouter()
  const { organizationId, timeZone, role } = useStaffSession()
  const canAdd = can(role, 'customers.edit')
  const columns = useMemo(() => customerColumns(timeZone), [timeZone])
  const [pending, startTransition] = useTransition()
  const [search, setSearch] = useState(query.q)
  // Ticked at once; the list follows when the server answers.
  const [showArchived, setShowArchived] = useState(query.archived)
  useEffect(() => setShowArchived(query.archived), [query.archived])
  const [focused, setFocused] = useState(0)
  const rowRefs = useRef<Array<HTMLTableRowElement | null>>([])
  useFeedRefresh(['customers'])
  // Visible rows are patched straight from the change payload; the feed's refresh then settles
  // order, filters and counts from the server.
  const [patches, setPatches] = useState<Record<string, CustomerRow>>({})
  useEffect(() => setPatches({}), [rows])
  useOrganizationUpdates('customers', organizationId, {
    onUpdate: (row) => setPatches((p) => ({ ...p, [row.id]: row })),
  })
  const liveRows = useMemo(() => rows.map((r) => patches[r.id] ?? r), [rows, patches])

  const go = (patch: Partial<CustomerGridQuery>) => startTransition(() => router.replace(customerGridHref(query, patch)))

  // Typing searches after a short pause, always from the first page.
  useEffect(() => {
    if (search === query.q) return
    const timer = setTimeout(() => go({ q: search, page: 0 }), 250)
    return () => clearTimeout(timer)
  })

  const table = useReactTable({
    data: liveRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    getRowId: (row) => row.id,
  })

  const pages = Math.max(1, Math.ceil(total / pageSize))
  const onRowKey = useMemo(
    () => (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
      const last = rows.length - 1
      const move = (to: number) => {
        event.preventDefault()
        setFocused(to)
        rowRefs.current[to]?.focus()
      }
      if (event.key === 'ArrowDown') move(Math.min(last, index + 1))
      else if (event.key === 'ArrowUp') move(Math.max(0, index - 1))
      else if (event.key === 'Home') move(0)
      else if (event.key === 'End') move(last)
      else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        const row = rows[index]
        if (row) router.push(`/customers/${row.id}`)
      }
    },
    [rows, router],
  )

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="customer-search" label="Search" className="min-w-0 flex-1 basis-56">
          {(control) => (
            <Input
              {...control}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Name, email, phone or city"
            />
          )}
        </Field>
        <Field id="customer-portal-filter" label="Portal access" className="w-full sm:w-auto">
          {(control) => (
            <NativeSelect
              {...control}
              value={query.portal}
              onChange={(e) => go({ portal: e.target.value as GridPortalFilter, page: 0 })}
            >
              <NativeSelectOption value="all">All customers</NativeSelectOption>
              <NativeSelectOption value="with_portal">With portal login</NativeSelectOption>
              <NativeSelectOption value="without_portal">Without portal login</NativeSelectOption>
            </NativeSelect>
          )}
        </Field>
        <div className="flex min-h-11 items-center gap-3">
          <Checkbox
            id="customer-show-archived"
            checked={showArchived}
            onCheckedChange={(checked) => {
              setShowArchived(checked === true)
              go({ archived: checked === true, page: 0 })
            }}
          />
          <Label htmlFor="customer-show-archived" className="font-normal">
            Show archived
          </Label>
        </div>
        <p className="min-h-11 py-2.5 text-sm text-slate-700" aria-live="polite">
          {pending ? 'Updating…' : `${total} customer${total === 1 ? '' : 's'}`}
        </p>
      </div>

      {rows.length === 0 && query.q === '' && query.portal === 'all' ? (
        <EmptyState
          title="No customers yet"
          className="bg-white p-10"
          action={
            canAdd ? (
              <div className="flex flex-wrap justify-center gap-2">
                <Button asChild>
                  <Link href="/customers/new">Add your first customer</Link>
                </Button>
                <Button asChild variant="secondary">
                  <Link href="/customers/import">Import from a CSV file</Link>
                </Button>
              </div>
            ) : null
          }
        >
          Customers you add appear here, and each can be invited to the portal.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No customers match" className="bg-white p-10">
          Try a different search or filter.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
          <Table aria-describedby="grid-help">
            <caption id="grid-help" className="sr-only">
              Customers. Use the arrow keys to move between rows and Enter to open one.
            </caption>
            <TableHeader className="bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <TableRow key={group.id} className="hover:bg-transparent">
                  {group.headers.map((header) => {
                    const id = header.column.id
                    const active = query.sort === id
                    const label = flexRender(header.column.columnDef.header, header.getContext())
                    return (
                      <TableHead
                        key={header.id}
                        aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                        className="text-slate-900"
                      >
                        {sortable.has(id) ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            onClick={() =>
                              go({ sort: id as GridSortColumn, dir: active && query.dir === 'asc' ? 'desc' : 'asc', page: 0 })
                            }
                            className="-mx-2 gap-1 px-2 text-slate-900"
                          >
                            {label}
                            <span aria-hidden>{active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                          </Button>
                        ) : (
                          label
                        )}
                      </TableHead>
                    )
                  })}
                </TableRow>
              ))}
            </TableHeader>
            <TableBody>
              {table.getRowModel().rows.map((row, index) => (
                <TableRow
                  key={row.id}
                  ref={(el) => {
                    rowRefs.current[index] = el
                  }}
                  tabIndex={index === focused ? 0 : -1}
                  onKeyDown={(e) => onRowKey(e, index)}
                  onFocus={() => setFocused(index)}
                  onClick={() => router.push(`/customers/${row.original.id}`)}
                  data-customer-id={row.original.id}
                  className="cursor-pointer border-slate-100 hover:bg-sky-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-700"
                >
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} className="whitespace-nowrap">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <nav aria-label="Pagination" className="flex items-center justify-between gap-2">
        <Button variant="secondary" disabled={query.page === 0} onClick={() => go({ page: query.page - 1 })}>
          Previous
        </Button>
        <span className="text-sm text-slate-700">
          Page {query.page + 1} of {pages}
        </span>
        <Button variant="secondary" disabled={query.page + 1 >= pages} onClick={() => go({ page: query.page + 1 })}>
          Next
        </Button>
      </nav>
    </div>
  )
}
