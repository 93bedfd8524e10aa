'use client'

import type { CustomerRow } from '@repo/database/types'
import { useAction } from '@repo/actions/form'
import { useState } from 'react'
import {
  invitePortalUserAction,
  resendPortalInviteAction,
  revokePortalAccessAction,
} from '@/actions/portal-access/portal-access-actions.ts'

/** Portal login state for one customer: invite, resend, revoke, and whether they are online now. */
export function PortalAccessCard({ customer, canManage, online }: { customer: CustomerRow; canManage: boolean; online: boolean }) {
  const [confirmRevoke, setConfirmRevoke] = useState(false)
  const linked = customer.portal_user_id !== null
  const invite = useAction(invitePortalUserAction, { success: `Invite sent to ${customer.email}` })
  const resend = useAction(resendPortalInviteAction, { success: 'Sign-in link sent' })
  const revoke = useAction(revokePortalAccessAction, { success: 'Portal access revoked' })
  const pending = invite.pending || resend.pending || revoke.pending
  const target = { customerId: customer.id }

  return (
    <section aria-label="Portal access" className="min-w-64 rounded-xl border border-slate-200 bg-white p-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="font-semibold">Portal access</span>
        {linked ? (
          <span data-testid="portal-presence" className={`inline-flex items-center gap-1 text-xs ${online ? 'text-emerald-800' : 'text-slate-600'}`}>
            <span aria-hidden className={`size-2 rounded-full ${online ? 'bg-emerald-600' : 'bg-slate-400'}`} />
            {online ? 'Online in portal now' : 'Not online'}
          </span>
        ) : (
          <span className="text-xs text-slate-600">No login</span>
        )}
      </div>
      {canManage ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {linked ? (
            <>
              <button
                type="button"
                disabled={pending}
                onClick={() => resend.run(target)}
                className="min-h-9 rounded-lg border border-slate-300 px-3 disabled:opacity-50"
              >
                Resend invite
              </button>
              {confirmRevoke ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => {
                    setConfirmRevoke(false)
                    revoke.run(target)
                  }}
                  className="min-h-9 rounded-lg bg-red-700 px-3 font-semibold text-white disabled:opacity-50"
                >
                  Confirm revoke
                </button>
              ) : (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => setConfirmRevoke(true)}
                  className="min-h-9 rounded-lg border border-red-300 px-3 text-red-800 disabled:opacity-50"
                >
                  Revoke access
                </button>
              )}
            </>
          ) : (
            <button
              type="button"
              disabled={pending || !customer.email}
              title={customer.email ? undefined : 'Add an email address first'}
              onClick={() => invite.run(target)}
              className="min-h-9 rounded-lg bg-sky-700 px-3 font-semibold text-white disabled:opacity-50"
            >
              {pending ? 'Inviting…' : 'Invite to portal'}
            </button>
          )}
        </div>
      ) : null}
    </section>
  )
}
