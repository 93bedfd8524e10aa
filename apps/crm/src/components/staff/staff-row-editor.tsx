'use client'

import { useAction } from '@repo/actions/form'
import type { StaffMemberRow } from '@repo/database/types'
import { type StaffRole, staffRoles } from '@repo/domain/staff'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { Button } from '@repo/ui/button'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useRef, useState } from 'react'
import { updateStaffAction } from '@/actions/staff/update-staff-action.ts'

/** Role and active switch for one colleague (owners only; the action checks again). */
export function StaffRowEditor({ member, isSelf }: { member: StaffMemberRow; isSelf: boolean }) {
  const { run, pending } = useAction(updateStaffAction, { success: `${member.full_name} updated` })
  const save = (role: StaffRole, active: boolean) => run({ staffId: member.id, role, active })
  const roleId = `role-${member.id}`
  const [confirming, setConfirming] = useState(false)
  const deactivateButton = useRef<HTMLButtonElement>(null)
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={roleId} className="sr-only">
        Role for {member.full_name}
      </Label>
      <NativeSelect
        id={roleId}
        size="sm"
        value={member.role}
        disabled={pending || isSelf}
        onChange={(e) => save(e.target.value as StaffRole, member.active)}
        className="capitalize"
      >
        {staffRoles.map((r) => (
          <NativeSelectOption key={r} value={r}>
            {r}
          </NativeSelectOption>
        ))}
      </NativeSelect>
      {member.active ? (
        // Deactivating signs a colleague out of the CRM, so it is confirmed first.
        <>
          <Button ref={deactivateButton} variant="secondary" size="sm" disabled={pending || isSelf} onClick={() => setConfirming(true)}>
            Deactivate
          </Button>
          <LazyConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={`Deactivate ${member.full_name}?`}
            description="They can no longer use the CRM. Their jobs and history stay; you can reactivate them at any time."
            cancelLabel="Keep active"
            confirmLabel="Deactivate"
            onConfirm={() => save(member.role, false)}
            returnFocusTo={deactivateButton}
          />
        </>
      ) : (
        <Button variant="secondary" size="sm" disabled={pending || isSelf} onClick={() => save(member.role, true)}>
          Reactivate
        </Button>
      )}
    </div>
  )
}
