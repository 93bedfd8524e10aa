'use client'

import type { CustomerRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { useOrganizationUpdates } from '@repo/realtime'
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
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
      <Link href={`/customers/${row.original.id}`} prefetch={false} tabIndex={-1} className="font-medium text-sky-800 hover:underline">
        {row.original.last_name}, {row.original.first_name}
      </Link>
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
        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>
      ) : (
        <span className="text-xs text-slate-600">No login</span>
      ),
  },
  { id: 'updated_at', header: 'Updated', cell: ({ row }) => formatDateTime(row.original.updated_at, timeZone) },
]

const sortable = new Set<string>(gridSortColumns)

export function CustomersGrid({ rows, total, query }: { rows: CustomerRow[]; total: number; query: CustomerGridQuery }) {
  const router = useRouter()
  const { organizationId, timeZone } = useStaffSession()
  const columns = useMemo(() => customerColumns(timeZone), [timeZone])
  const [pending, startTransition] = useTransition()
  const [search, setSearch] = useState(query.q)
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
        <label className="flex-1 min-w-56">
          <span className="block text-sm font-medium">Search</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name, email, phone or city"
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus:outline-2 focus:outline-sky-700"
          />
        </label>
        <label>
          <span className="block text-sm font-medium">Portal access</span>
          <select
            value={query.portal}
            onChange={(e) => go({ portal: e.target.value as GridPortalFilter, page: 0 })}
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-3"
          >
            <option value="all">All customers</option>
            <option value="with_portal">With portal login</option>
            <option value="without_portal">Without portal login</option>
          </select>
        </label>
        <p className="text-sm text-slate-700" aria-live="polite">
          {pending ? 'Updating…' : `${total} customer${total === 1 ? '' : 's'}`}
        </p>
      </div>

      {rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">No customers match</p>
          <p className="text-sm text-slate-700">Try a different search or filter.</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" aria-describedby="grid-help">
            <caption id="grid-help" className="sr-only">
              Customers. Use the arrow keys to move between rows and Enter to open one.
            </caption>
            <thead className="bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const id = header.column.id
                    const active = query.sort === id
                    const label = flexRender(header.column.columnDef.header, header.getContext())
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                        className="px-3 py-2 font-semibold whitespace-nowrap"
                      >
                        {sortable.has(id) ? (
                          <button
                            type="button"
                            onClick={() =>
                              go({ sort: id as GridSortColumn, dir: active && query.dir === 'asc' ? 'desc' : 'asc', page: 0 })
                            }
                            className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-sky-700"
                          >
                            {label}
                            <span aria-hidden>{active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                          </button>
                        ) : (
                          label
                        )}
                      </th>
                    )
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row, index) => (
                <tr
                  key={row.id}
                  ref={(el) => {
                    rowRefs.current[index] = el
                  }}
                  tabIndex={index === focused ? 0 : -1}
                  onKeyDown={(e) => onRowKey(e, index)}
                  onFocus={() => setFocused(index)}
                  onClick={() => router.push(`/customers/${row.original.id}`)}
                  data-customer-id={row.original.id}
                  className="cursor-pointer border-t border-slate-100 hover:bg-sky-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-700"
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 whitespace-nowrap">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pagination" className="flex items-center justify-between">
        <button
          type="button"
          disabled={query.page === 0}
          onClick={() => go({ page: query.page - 1 })}
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 text-sm disabled:opacity-50"
        >
          Previous
        </button>
        <span className="text-sm text-slate-700">
          Page {query.page + 1} of {pages}
        </span>
        <button
          type="button"
          disabled={query.page + 1 >= pages}
          onClick={() => go({ page: query.page + 1 })}
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 text-sm disabled:opacity-50"
        >
          Next
        </button>
      </nav>
    </div>
  )
}
