'use client'

import { useAction } from '@repo/actions/form'
import type { CustomerRow } from '@repo/database/types'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import { useRef, useState } from 'react'
import {
  invitePortalUserAction,
  resendPortalInviteAction,
  revokePortalAccessAction,
} from '@/actions/portal-access/portal-access-actions.ts'

export interface PortalPermissions {
  /** Invite and resend (owner, admin, office). */
  canInvite: boolean
  /** Remove the login (owner, admin). */
  canRevoke: boolean
}

/** Portal login state for one customer: invite, resend, revoke, and whether they are online now. */
export function PortalAccessCard({ customer, permissions, online }: { customer: CustomerRow; permissions: PortalPermissions; online: boolean }) {
  const linked = customer.portal_user_id !== null
  const invite = useAction(invitePortalUserAction, { success: `Invite sent to ${customer.email}` })
  const resend = useAction(resendPortalInviteAction, { success: 'Sign-in link sent' })
  const revoke = useAction(revokePortalAccessAction, { success: 'Portal access revoked' })
  const pending = invite.pending || resend.pending || revoke.pending
  const target = { customerId: customer.id }
  const name = `${customer.first_name} ${customer.last_name}`
  const [confirming, setConfirming] = useState(false)
  const revokeButton = useRef<HTMLButtonElement>(null)

  return (
    <Card aria-label="Portal access" className="w-full p-3 text-sm sm:w-auto sm:min-w-64">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-semibold">Portal access</span>
        {linked ? (
          <Badge data-testid="portal-presence" tone={online ? 'success' : 'neutral'}>
            <span aria-hidden className={`size-2 rounded-full ${online ? 'bg-emerald-600' : 'bg-slate-400'}`} />
            {online ? 'Online in portal now' : 'Not online'}
          </Badge>
        ) : (
          <span className="text-xs text-slate-600">No login</span>
        )}
      </div>
      {permissions.canInvite ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {linked ? (
            <>
              <Button variant="secondary" size="sm" disabled={pending} pending={resend.pending} onClick={() => resend.run(target)}>
                Resend invite
              </Button>
              {permissions.canRevoke ? (
              <>
                <Button
                  ref={revokeButton}
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  pending={revoke.pending}
                  className="border-red-300 text-red-800 hover:bg-red-50"
                  onClick={() => setConfirming(true)}
                >
                  Revoke access
                </Button>
                <LazyConfirmDialog
                  open={confirming}
                  onOpenChange={setConfirming}
                  title={`Revoke portal access for ${name}?`}
                  description="They are signed out of the customer portal and can no longer sign in. Their jobs, invoices and messages stay here; you can invite them again later."
                  cancelLabel="Keep access"
                  confirmLabel="Confirm revoke"
                  onConfirm={() => revoke.run(target)}
                  returnFocusTo={revokeButton}
                />
              </>
              ) : (
                <p className="w-full text-xs text-slate-700">Only an owner or admin can revoke portal access.</p>
              )}
            </>
          ) : (
            <>
              <Button
                size="sm"
                disabled={pending || !customer.email}
                aria-describedby={customer.email ? undefined : `no-email-${customer.id}`}
                onClick={() => invite.run(target)}
              >
                {pending ? 'Inviting…' : 'Invite to portal'}
              </Button>
              {customer.email ? null : (
                <p id={`no-email-${customer.id}`} className="w-full text-xs text-slate-700">
                  Add an e-mail address on the Profile tab to invite them.
                </p>
              )}
            </>
          )}
        </div>
      ) : null}
    </Card>
  )
}
