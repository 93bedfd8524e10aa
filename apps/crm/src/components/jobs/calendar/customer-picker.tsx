'use client'

import { Button } from '@repo/ui/button'
import { Field } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import { useEffect, useState } from 'react'
import {
  type CustomerChoice,
  searchCustomersAction,
} from '@/actions/jobs/customer-lookup-actions.ts'

/**
 * Finds an existing customer by name, e-mail, phone or city (two letters or more), as the
 * customers list does. The matches are buttons; the chosen one shows with "Change".
 */
export function CustomerPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string
  value: CustomerChoice | null
  onChange: (customer: CustomerChoice | null) => void
  error: string | undefined
}) {
  const [search, setSearch] = useState('')
  const [matches, setMatches] = useState<CustomerChoice[] | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    const text = search.trim()
    if (text.length < 2) {
      setMatches(null)
      return
    }
    let current = true
    // Waits for a pause in typing; an answer to an older search is dropped.
    const timer = setTimeout(async () => {
      const result = await searchCustomersAction({ search: text })
      if (!current) return
      setFailed(result.ok ? null : result.error)
      setMatches(result.ok ? result.data : [])
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [search])

  if (value) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-900">Customer</p>
        <div className="flex items-center justify-between gap-2 rounded-lg border border-slate-300 px-3 py-2">
          <span className="min-w-0">
            <span className="block font-medium" data-testid="chosen-customer">
              {value.name}
            </span>
            <span className="block truncate text-sm text-slate-600">{value.detail}</span>
          </span>
          <Button size="sm" variant="secondary" onClick={() => onChange(null)}>
            Change
          </Button>
        </div>
      </div>
    )
  }
  return (
    <div className="space-y-2">
      <Field
        id={id}
        label="Customer"
        hint="Type two letters or more of a name, e-mail, phone or city."
        error={error ?? failed ?? undefined}
      >
        {(control) => (
          <Input
            {...control}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        )}
      </Field>
      {matches !== null ? (
        matches.length === 0 ? (
          <p role="status" className="text-sm text-slate-700">
            No customer matches “{search.trim()}”.
          </p>
        ) : (
          <ul aria-label="Matching customers" className="max-h-48 space-y-1 overflow-y-auto">
            {matches.map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  onClick={() => onChange(customer)}
                  className="block w-full rounded-lg border border-slate-200 px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700"
                >
                  <span className="block font-medium">{customer.name}</span>
                  <span className="block truncate text-sm text-slate-600">{customer.detail}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}
