'use client'

import type { CustomerRow } from '@repo/database/types'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import {
  invitePortalUserAction,
  resendPortalInviteAction,
  revokePortalAccessAction,
} from '@/actions/portal-access/portal-access-actions.ts'

/** Portal login state for one customer: invite, resend, revoke, and whether they are online now. */
export function PortalAccessCard({ customer, canManage, online }: { customer: CustomerRow; canManage: boolean; online: boolean }) {
  const [pending, start] = useTransition()
  const [confirmRevoke, setConfirmRevoke] = useState(false)
  const linked = customer.portal_user_id !== null

  const run = (label: string, action: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const result = await action()
      if (result.ok) toast.success(label)
      else toast.error(result.error ?? 'Something went wrong')
    })

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
                onClick={() => run('Sign-in link sent', () => resendPortalInviteAction({ customerId: customer.id }))}
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
                    run('Portal access revoked', () => revokePortalAccessAction({ customerId: customer.id }))
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
              onClick={() => run(`Invite sent to ${customer.email}`, () => invitePortalUserAction({ customerId: customer.id }))}
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
