'use client'

import { useActionForm } from '@repo/actions/form'
import { invitableRoles, staffRoleLabel } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { inviteStaffAction } from '@/actions/staff/invitation-actions.ts'

/** Owners and admins add a colleague: they get an e-mail, choose a password and are in. */
export function InviteStaffForm() {
  const { formProps, pending, fieldError } = useActionForm(inviteStaffAction, {
    success: (member) => `Invitation sent to ${member.email}`,
    resetOnSuccess: true,
  })
  return (
    <form {...formProps} aria-labelledby="invite-heading" className="rounded-xl border border-slate-200 bg-white p-4" noValidate>
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite a team member
      </h2>
      <div className="mt-3 grid gap-3 md:grid-cols-[1fr_1fr_12rem_auto] md:items-start">
        <TextField label="Name" name="fullName" autoComplete="off" required error={fieldError('fullName')} />
        <TextField label="E-mail" name="email" type="email" autoComplete="off" required error={fieldError('email')} />
        <Field id="invite-role" label="Role" error={fieldError('role')}>
          {(control) => (
            <NativeSelect {...control} name="role" defaultValue="technician">
              {invitableRoles.map((role) => (
                <NativeSelectOption key={role} value={role}>
                  {staffRoleLabel[role]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Button type="submit" pending={pending} className="md:mt-6">
          {pending ? 'Sending…' : 'Send invitation'}
        </Button>
      </div>
    </form>
  )
}
