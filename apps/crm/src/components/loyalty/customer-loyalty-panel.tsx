'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerRow, LoyaltyTransactionRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { type AwardKind, awardKindLabel, awardKinds, formatPointCount, loyaltyKindLabel } from '@repo/domain/loyalty'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import { useState } from 'react'
import { awardPointsAction } from '@/actions/loyalty/award-points-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** Balance (derived by the database), history, and award/bonus/adjust for office roles. */
export function CustomerLoyaltyPanel({
  customer,
  history,
  balance,
}: {
  customer: CustomerRow
  history: LoyaltyTransactionRow[]
  balance: number
}) {
  const { role, timeZone } = useStaffSession()
  const [kind, setKind] = useState<AwardKind>('earned')
  const award = useActionForm(awardPointsAction, {
    toInput: (form) => {
      const raw = String(form.get('points') ?? '').trim()
      return {
        customerId: customer.id,
        kind,
        points: raw === '' ? Number.NaN : Number(raw),
        description: String(form.get('description') ?? ''),
      }
    },
    success: (row) => `${row.points > 0 ? '+' : ''}${row.points} points recorded`,
    resetOnSuccess: true,
  })
  const pending = award.pending

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="loyalty-history" className="space-y-3">
        <p className="text-lg">
          Balance: <strong data-testid="loyalty-balance">{formatPointCount(balance)}</strong> points
        </p>
        <h2 id="loyalty-history" className="font-semibold">
          History
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-700">No points yet. Points are earned automatically when a job is completed.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="px-0">Date</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Description</TableHead>
                <TableHead className="text-right">Points</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((t) => (
                <TableRow key={t.id} className="border-slate-100">
                  <TableCell className="px-0 whitespace-nowrap">{formatDate(t.created_at, timeZone)}</TableCell>
                  <TableCell>{loyaltyKindLabel[t.kind]}</TableCell>
                  <TableCell>{t.description ?? '—'}</TableCell>
                  <TableCell className={`text-right tabular-nums ${t.points < 0 ? 'text-red-800' : 'text-emerald-800'}`}>
                    {t.points > 0 ? `+${t.points}` : t.points}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {can(role, 'loyalty.manage') ? (
        <form
          aria-label="Add points"
          noValidate
          className="space-y-3 rounded-xl border border-slate-200 p-4"
          {...award.formProps}
        >
          <h2 className="font-semibold">Add points</h2>
          <Field id="field-kind" label="Kind">
            {(control) => (
              <NativeSelect {...control} value={kind} onChange={(e) => setKind(e.target.value as AwardKind)}>
                {awardKinds.map((k) => (
                  <NativeSelectOption key={k} value={k}>
                    {awardKindLabel[k]}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            )}
          </Field>
          <TextField label="Points" name="points" type="number" step="1" error={award.fieldError('points')} />
          <TextField label={kind === 'adjustment' ? 'Reason (required)' : 'Description'} name="description" error={award.fieldError('description')} />
          <Button type="submit" pending={pending} className="w-full">
            {pending ? 'Saving…' : 'Record points'}
          </Button>
        </form>
      ) : null}
    </div>
  )
}
