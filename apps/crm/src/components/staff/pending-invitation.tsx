'use client'

import { useAction } from '@repo/actions/form'
import type { StaffMemberRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { useRef, useState } from 'react'
import { resendStaffInviteAction, revokeStaffInviteAction } from '@/actions/staff/invitation-actions.ts'

/** An invitation nobody accepted yet: send it again, or withdraw it (the unused login goes too). */
export function PendingInvitation({ member }: { member: StaffMemberRow }) {
  const resend = useAction(resendStaffInviteAction, { success: `Invitation sent again to ${member.email}` })
  const revoke = useAction(revokeStaffInviteAction, { success: `Invitation to ${member.email} withdrawn` })
  const [confirming, setConfirming] = useState(false)
  const withdrawButton = useRef<HTMLButtonElement>(null)
  const pending = resend.pending || revoke.pending
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => resend.run({ staffId: member.id })}>
        Resend
      </Button>
      <Button ref={withdrawButton} variant="secondary" size="sm" disabled={pending} onClick={() => setConfirming(true)}>
        Withdraw
      </Button>
      <LazyConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Withdraw the invitation to ${member.full_name}?`}
        description="The link in their e-mail stops working. You can invite them again later."
        cancelLabel="Keep it"
        confirmLabel="Withdraw"
        onConfirm={() => revoke.run({ staffId: member.id })}
        returnFocusTo={withdrawButton}
      />
    </div>
  )
}
