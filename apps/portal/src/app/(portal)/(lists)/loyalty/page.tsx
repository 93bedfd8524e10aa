import { getLoyaltyBalance, listCustomerCredits, listLoyaltyTransactions, listRewards } from '@repo/database/repositories'
import type { Metadata } from 'next'
import { CreditList } from '@/components/loyalty/credit-list'
import { LoyaltyHistory } from '@/components/loyalty/loyalty-history'
import { RewardsPanel } from '@/components/loyalty/rewards-panel'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Rewards' }

export default async function LoyaltyPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  const [balance, history, rewards, credits] = await Promise.all([
    getLoyaltyBalance(supabase, customer.id),
    listLoyaltyTransactions(supabase, customer.id),
    listRewards(supabase, customer.organization_id),
    listCustomerCredits(supabase, customer.id),
  ])
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Rewards</h1>
      <RewardsPanel key={balance} balance={balance} rewards={rewards} />
      {credits.length > 0 ? (
        <section aria-labelledby="credits-heading" className="space-y-2">
          <h2 id="credits-heading" className="text-lg font-semibold">
            Credits
          </h2>
          <CreditList credits={credits} timeZone={organization.timezone} currency={organization.currency} />
        </section>
      ) : null}
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <LoyaltyHistory transactions={history} timeZone={organization.timezone} />
      </section>
    </div>
  )
}
