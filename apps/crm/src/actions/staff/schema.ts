import { invitableRoles, staffRoles } from '@repo/domain/staff'
import { z } from 'zod'
import { recordId } from '../ids.ts'

export const staffUpdateSchema = z.object({
  staffId: recordId('Staff member'),
  role: z.enum(staffRoles, { message: 'Choose owner, admin, office or technician' }),
  active: z.boolean({ message: 'Active must be yes or no' }),
})

export const staffInviteSchema = z.object({
  fullName: z.string().trim().min(1, 'Enter their name').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter their e-mail address' })),
  role: z.enum(invitableRoles, { message: 'Choose admin, office or technician' }),
})

export const staffIdSchema = z.object({ staffId: recordId('Staff member') })
