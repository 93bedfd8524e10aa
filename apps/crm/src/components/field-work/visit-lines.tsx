'use client'

import { useAction } from '@repo/actions/form'
import type { JobLineItem } from '@repo/database/repositories'
import { offlineWording } from '@repo/domain/field-work'
import { formatCents, parseMoneyToCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { Input } from '@repo/ui/input'
import { NativeSelect } from '@repo/ui/native-select'
import { useId, useState } from 'react'
import { addJobLineAction, removeJobLineAction } from '@/actions/field-work/onsite-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useOfflineQueue } from '@/offline/offline-queue-provider.tsx'

export interface CatalogChoice {
  id: string
  name: string
  base_price_cents: number
}

/**
 * Extra work agreed on site: a catalog item (priced by the catalog) or, where the business allows
 * it, a custom line with a price. The office sees them live; they go onto the job's invoice.
 */
export function VisitLines({
  jobId,
  lines,
  catalog,
  customAllowed,
  open,
  totalCents,
}: {
  jobId: string
  lines: JobLineItem[]
  catalog: CatalogChoice[]
  customAllowed: boolean
  /** Lines can still be added (the visit is not done or invoiced, and it is the caller's). */
  open: boolean
  totalCents: number
}) {
  const uid = useId()
  const { currency } = useStaffSession()
  // Extra lines are not queued yet: without a connection they could not be sent.
  const { online } = useOfflineQueue()
  const [mode, setMode] = useState<'catalog' | 'custom'>('catalog')
  const [serviceId, setServiceId] = useState('')
  const [quantity, setQuantity] = useState('1')
  const [description, setDescription] = useState('')
  const [price, setPrice] = useState('')
  const reset = () => {
    setServiceId('')
    setQuantity('1')
    setDescription('')
    setPrice('')
  }
  const add = useAction(addJobLineAction, {
    success: (l) => `${l.description} added`,
    onSuccess: reset,
  })
  const remove = useAction(removeJobLineAction, { success: 'Line removed' })
  const submit = () => {
    const qty = Number(quantity)
    if (mode === 'catalog') {
      add.run({ kind: 'catalog', id: crypto.randomUUID(), jobId, serviceId, quantity: qty })
    } else {
      add.run({
        kind: 'custom',
        id: crypto.randomUUID(),
        jobId,
        description,
        unitPriceCents: parseMoneyToCents(price) ?? -1,
        quantity: qty,
        taxable: true,
      })
    }
  }
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2" data-testid="visit-lines">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Extra work
      </h2>
      {lines.length === 0 ? <p className="text-sm text-slate-600">Nothing added on site.</p> : null}
      {lines.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {lines.map((line) => (
            <li key={line.id} className="flex min-h-12 items-center gap-2 px-3 py-2">
              <span className="min-w-0 flex-1 break-words">
                {line.quantity > 1 ? `${line.quantity} × ` : ''}
                {line.description}
              </span>
              <span className="tabular-nums">{formatCents(line.amount_cents, currency)}</span>
              {open ? (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${line.description}`}
                  disabled={remove.pending || !online}
                  onClick={() => remove.run({ jobId, lineId: line.id })}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="flex justify-between font-semibold" data-testid="visit-total">
        <span>Visit total</span>
        <span className="tabular-nums">{formatCents(totalCents, currency)}</span>
      </p>
      {open ? (
        <div className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-3">
          {customAllowed ? (
            <fieldset aria-label="Kind of line" className="grid grid-cols-2 gap-2">
              <Button
                variant={mode === 'catalog' ? 'primary' : 'secondary'}
                onClick={() => setMode('catalog')}
                aria-pressed={mode === 'catalog'}
              >
                From the catalog
              </Button>
              <Button
                variant={mode === 'custom' ? 'primary' : 'secondary'}
                onClick={() => setMode('custom')}
                aria-pressed={mode === 'custom'}
              >
                Custom
              </Button>
            </fieldset>
          ) : null}
          {mode === 'catalog' ? (
            <div className="space-y-1">
              <label htmlFor={`${uid}-service`} className="block text-sm font-medium">
                Item
              </label>
              <NativeSelect
                id={`${uid}-service`}
                value={serviceId}
                onChange={(e) => setServiceId(e.currentTarget.value)}
              >
                <option value="">Choose an item…</option>
                {catalog.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} · {formatCents(s.base_price_cents, currency)}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : (
            <>
              <div className="space-y-1">
                <label htmlFor={`${uid}-description`} className="block text-sm font-medium">
                  Description
                </label>
                <Input
                  id={`${uid}-description`}
                  value={description}
                  maxLength={500}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                />
              </div>
              <div className="space-y-1">
                <label htmlFor={`${uid}-price`} className="block text-sm font-medium">
                  Price
                </label>
                <Input
                  id={`${uid}-price`}
                  inputMode="decimal"
                  value={price}
                  placeholder="0.00"
                  onChange={(e) => setPrice(e.currentTarget.value)}
                />
              </div>
            </>
          )}
          <div className="space-y-1">
            <label htmlFor={`${uid}-quantity`} className="block text-sm font-medium">
              Quantity
            </label>
            <Input
              id={`${uid}-quantity`}
              inputMode="numeric"
              value={quantity}
              onChange={(e) => setQuantity(e.currentTarget.value)}
            />
          </div>
          {add.result && !add.result.ok ? (
            <p role="alert" className="text-sm text-red-800">
              {add.fieldError('serviceId') ??
                add.fieldError('unitPriceCents') ??
                add.fieldError('quantity') ??
                add.result.error}
            </p>
          ) : null}
          {online ? null : (
            <p role="status" data-testid="lines-need-connection" className="text-sm text-amber-900">
              {offlineWording.linesNeedConnection}
            </p>
          )}
          <Button
            className="w-full"
            pending={add.pending}
            disabled={
              !online || (mode === 'catalog' ? !serviceId : !description.trim() || !price.trim())
            }
            onClick={submit}
          >
            Add to the visit
          </Button>
        </div>
      ) : null}
    </section>
  )
}
