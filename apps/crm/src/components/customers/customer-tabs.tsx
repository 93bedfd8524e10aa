import Link from 'next/link'
import { ActiveTabInView } from './active-tab-in-view.tsx'

export const customerTabs = ['profile', 'properties', 'jobs', 'quotes', 'invoices', 'messages', 'loyalty', 'files', 'activity'] as const
export type CustomerTab = (typeof customerTabs)[number]

const labels: Record<CustomerTab, string> = {
  profile: 'Profile',
  properties: 'Properties',
  jobs: 'Jobs',
  quotes: 'Quotes',
  invoices: 'Invoices',
  messages: 'Messages',
  loyalty: 'Loyalty',
  files: 'Files',
  activity: 'Activity',
}

/** Tabs are links (?tab=…), so each tab is server-rendered, bookmarkable and works without JS. */
export function CustomerTabs({ customerId, active }: { customerId: string; active: CustomerTab }) {
  return (
    <div role="tablist" aria-label="Customer sections" className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {customerTabs.map((tab) => (
        <Link
          key={tab}
          id={`tab-${tab}`}
          role="tab"
          aria-selected={tab === active}
          aria-controls={`panel-${tab}`}
          href={`/customers/${customerId}?tab=${tab}`}
          replace
          scroll={false}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-sky-700 ${
            tab === active ? 'border-sky-700 text-sky-800' : 'border-transparent text-slate-700 hover:text-slate-900'
          }`}
        >
          {labels[tab]}
        </Link>
      ))}
      <ActiveTabInView active={active} />
    </div>
  )
}
