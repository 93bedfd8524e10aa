import { SignOutForm } from '@repo/ui/sign-out-form'
import { signOutAction } from '@/actions/auth/sign-out-action'
import { LiveConnectionStatus } from '../live/live-connection-status'

export function PortalHeader({
  businessName,
  customerFirstName,
}: {
  businessName: string
  customerFirstName: string
}) {
  return (
    <header className="print:hidden sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-2">
        <div className="min-w-0">
          {/* Two lines before it is cut, so a phone shows the whole name of most businesses. */}
          <p className="line-clamp-2 text-sm font-semibold leading-tight break-words text-slate-900">
            {businessName}
          </p>
          <p className="truncate text-xs text-slate-700">Hi, {customerFirstName}</p>
        </div>
        <div className="flex shrink-0 items-center gap-1 sm:gap-2">
          <LiveConnectionStatus />
          <SignOutForm action={signOutAction} compact />
        </div>
      </div>
    </header>
  )
}
