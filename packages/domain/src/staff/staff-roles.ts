import { Constants, type StaffRole } from '@repo/database/types'

export type { StaffRole }

export const staffRoles: readonly StaffRole[] = Constants.public.Enums.staff_role
