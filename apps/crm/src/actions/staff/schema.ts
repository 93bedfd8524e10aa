import { staffRoles } from '@repo/domain/staff'
import { z } from 'zod'
import { recordId } from '../ids.ts'

export const staffUpdateSchema = z.object({
  staffId: recordId('Staff member'),
  role: z.enum(staffRoles, { message: 'Choose owner, admin, office or technician' }),
  active: z.boolean({ message: 'Active must be yes or no' }),
})
