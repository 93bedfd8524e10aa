'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerRow, LoyaltyTransactionRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { type AwardKind, awardKindLabel, awardKinds, formatPointCount, loyaltyKindLabel } from '@repo/domain/loyalty'
import { can } from '@repo/domain/staff'
import { TextField } from '@repo/ui/field'
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
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1">Date</th>
                <th scope="col" className="py-1">Kind</th>
                <th scope="col" className="py-1">Description</th>
                <th scope="col" className="py-1 text-right">Points</th>
              </tr>
            </thead>
            <tbody>
              {history.map((t) => (
                <tr key={t.id} className="border-b border-slate-100">
                  <td className="py-1">{formatDate(t.created_at, timeZone)}</td>
                  <td className="py-1">{loyaltyKindLabel[t.kind]}</td>
                  <td className="py-1">{t.description ?? '—'}</td>
                  <td className={`py-1 text-right tabular-nums ${t.points < 0 ? 'text-red-800' : 'text-emerald-800'}`}>
                    {t.points > 0 ? `+${t.points}` : t.points}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
          <div className="space-y-1">
            <label htmlFor="field-kind" className="block text-sm font-medium">
              Kind
            </label>
            <select id="field-kind" value={kind} onChange={(e) => setKind(e.target.value as AwardKind)} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3">
              {awardKinds.map((k) => (
                <option key={k} value={k}>
                  {awardKindLabel[k]}
                </option>
              ))}
            </select>
          </div>
          <TextField label="Points" name="points" type="number" step="1" error={award.fieldError('points')} />
          <TextField label={kind === 'adjustment' ? 'Reason (required)' : 'Description'} name="description" error={award.fieldError('description')} />
          <button type="submit" disabled={pending} className="min-h-11 w-full rounded-lg bg-sky-700 px-4 font-semibold text-white disabled:opacity-50">
            {pending ? 'Saving…' : 'Record points'}
          </button>
        </form>
      ) : null}
    </div>
  )
}
