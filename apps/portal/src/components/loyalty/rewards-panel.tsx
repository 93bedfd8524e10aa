'use client'

import { useAction } from '@repo/actions/form'
import type { LoyaltyRewardRow } from '@repo/database/types'
import { formatPoints } from '@repo/domain/loyalty'
import { Button } from '@repo/ui/button'
import { Card, CardHeader } from '@repo/ui/card'
import { cn } from '@repo/ui/cn'
import { EmptyState } from '@repo/ui/empty-state'
import { useOptimistic, useRef, useState } from 'react'
import { redeemRewardAction } from '@/actions/loyalty/redeem-reward-action'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'

/**
 * Balance and rewards. "Redeem" asks for confirmation (points are spent for good); the redemption
 * then lowers the balance at once and restores it if refused.
 */
export function RewardsPanel({ balance, rewards }: { balance: number; rewards: LoyaltyRewardRow[] }) {
  const [shown, spend] = useOptimistic<number, number>(balance, (current, cost) => current - cost)
  // Set synchronously on the first click, so a double click redeems once even before React re-renders.
  const inFlight = useRef(false)
  // The live update announces a successful redemption; only failures are reported here.
  const release = () => {
    inFlight.current = false
  }
  const { run, pending } = useAction(redeemRewardAction, { onSuccess: release, onFailure: release })

  // The reward whose confirmation is open.
  const [asking, setAsking] = useState<LoyaltyRewardRow | null>(null)
  const askedFrom = useRef<HTMLButtonElement | null>(null)

  const redeem = (reward: LoyaltyRewardRow) => {
    if (inFlight.current) return
    inFlight.current = true
    run(reward.id, () => spend(reward.points_cost))
  }

  return (
    <>
      <Card aria-labelledby="balance-heading">
        <CardHeader id="balance-heading" title="Your balance" />
        <p className="text-3xl font-bold tabular-nums" data-testid="loyalty-balance">
          {formatPoints(shown)}
        </p>
      </Card>
      <section aria-labelledby="rewards-heading" className="space-y-2">
        <h2 id="rewards-heading" className="text-lg font-semibold">
          Rewards
        </h2>
        {rewards.length === 0 ? (
          <EmptyState title="No rewards available right now" />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {rewards.map((reward) => {
              const short = reward.points_cost - shown
              return (
                <li key={reward.id}>
                  {/* Out of reach: a quieter card, so what can be redeemed now stands out. */}
                  <Card
                    aria-labelledby={`reward-${reward.id}`}
                    data-affordable={short > 0 ? 'false' : 'true'}
                    className={cn('h-full', short > 0 && 'border-dashed bg-slate-50 shadow-none')}
                  >
                    <h3 id={`reward-${reward.id}`} className="font-medium">{reward.name}</h3>
                    {reward.description ? <p className="text-sm text-slate-700">{reward.description}</p> : null}
                    <p className="mt-1 text-sm font-semibold">{formatPoints(reward.points_cost)}</p>
                    <Button
                      className="mt-3 w-full"
                      variant="secondary"
                      pending={pending}
                      disabled={short > 0}
                      aria-describedby={short > 0 ? `short-${reward.id}` : undefined}
                      onClick={(event) => {
                        askedFrom.current = event.currentTarget
                        setAsking(reward)
                      }}
                    >
                      Redeem
                    </Button>
                    {short > 0 ? (
                      <p id={`short-${reward.id}`} className="mt-1 text-xs text-slate-700">
                        {formatPoints(short)} more needed
                      </p>
                    ) : null}
                  </Card>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <LazyConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => (open ? undefined : setAsking(null))}
        title={`Redeem ${asking?.name ?? 'this reward'}?`}
        description={asking ? `This spends ${formatPoints(asking.points_cost)} of your balance and can’t be undone.` : ''}
        cancelLabel="Keep my points"
        confirmLabel="Redeem"
        variant="primary"
        onConfirm={() => (asking ? redeem(asking) : undefined)}
        returnFocusTo={askedFrom}
      />
    </>
  )
}
