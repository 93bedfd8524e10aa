'use client'

import { useAction, useActionForm } from '@repo/actions/form'
import type { LoyaltyRewardRow } from '@repo/database/types'
import { formatPoints } from '@repo/domain/loyalty'
import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { createRewardAction, setRewardActiveAction } from '@/actions/business/reward-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { OfferedList, offeredChange } from './offered-list.tsx'

/** What customers can redeem their points for; a withdrawn reward keeps its past redemptions. */
export function RewardCatalogue({ rewards, canEdit }: { rewards: LoyaltyRewardRow[]; canEdit: boolean }) {
  const { currency } = useStaffSession()
  const add = useActionForm(createRewardAction, { success: (r) => `${r.name} added`, resetOnSuccess: true })
  const toggle = useAction(setRewardActiveAction, { success: offeredChange })
  return (
    <section aria-labelledby="rewards-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 md:p-6">
      <h2 id="rewards-heading" className="text-lg font-semibold">
        Rewards
      </h2>
      <OfferedList
        items={rewards.map((r) => ({
          id: r.id,
          name: r.name,
          detail: r.credit_cents ? `${formatPoints(r.points_cost)} · ${formatCents(r.credit_cents, currency)} off the next invoice` : formatPoints(r.points_cost),
          active: r.active,
        }))}
        canEdit={canEdit}
        pending={toggle.pending}
        onToggle={(item) => toggle.run({ rewardId: item.id, active: !item.active })}
        emptyText="No rewards yet: customers collect points but have nothing to spend them on."
      />
      {canEdit ? (
        <form {...add.formProps} aria-label="New reward" noValidate className="grid gap-3 md:grid-cols-[1fr_8rem_10rem_auto] md:items-start">
          <TextField id="reward-name" label="Reward" name="name" error={add.fieldError('name')} />
          <TextField id="reward-points" label="Points" name="pointsCost" type="number" min={1} error={add.fieldError('pointsCost')} />
          <TextField
            id="reward-credit"
            label="Money off (optional)"
            name="creditAmount"
            inputMode="decimal"
            hint="Taken off the next invoice"
            error={add.fieldError('creditAmount')}
          />
          <Button type="submit" pending={add.pending} className="md:mt-6">
            Add reward
          </Button>
        </form>
      ) : null}
    </section>
  )
}
