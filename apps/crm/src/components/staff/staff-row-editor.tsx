'use client'

import { useAction } from '@repo/actions/form'
import type { StaffMemberRow } from '@repo/database/types'
import { type StaffRole, staffRoles } from '@repo/domain/staff'
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@repo/ui/alert-dialog'
import { Button } from '@repo/ui/button'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { updateStaffAction } from '@/actions/staff/update-staff-action.ts'

/** Role and active switch for one colleague (owners only; the action checks again). */
export function StaffRowEditor({ member, isSelf }: { member: StaffMemberRow; isSelf: boolean }) {
  const { run, pending } = useAction(updateStaffAction, { success: `${member.full_name} updated` })
  const save = (role: StaffRole, active: boolean) => run({ staffId: member.id, role, active })
  const roleId = `role-${member.id}`
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
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="secondary" size="sm" disabled={pending || isSelf}>
              Deactivate
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Deactivate {member.full_name}?</AlertDialogTitle>
              <AlertDialogDescription>
                They can no longer use the CRM. Their jobs and history stay; you can reactivate them at any time.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep active</AlertDialogCancel>
              <AlertDialogAction onClick={() => save(member.role, false)}>Deactivate</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : (
        <Button variant="secondary" size="sm" disabled={pending || isSelf} onClick={() => save(member.role, true)}>
          Reactivate
        </Button>
      )}
    </div>
  )
}
