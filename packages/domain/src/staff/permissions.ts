// Role rules for the UI and Server Actions; RLS enforces the same limits underneath.
import { type JobStatus, technicianJobStatuses } from '../jobs/job-status.ts'
import type { StaffRole } from './staff-roles.ts'

export type Permission =
  | 'customers.edit'
  | 'customers.notes'
  | 'customers.import'
  | 'jobs.schedule'
  | 'jobs.assign'
  | 'jobs.status'
  | 'jobs.status.any'
  | 'jobs.photos'
  | 'invoices.manage'
  | 'quotes.manage'
  | 'messages.send'
  | 'loyalty.manage'
  | 'portal.invite'
  | 'portal.revoke'
  | 'staff.manage'
  | 'staff.invite'
  | 'settings.manage'
  | 'data.export'

const office: Permission[] = [
  'customers.edit',
  // Importing adds customers in bulk: whoever may add one (RLS on customer_imports says the same).
  'customers.import',
  'customers.notes',
  'jobs.schedule',
  'jobs.assign',
  'jobs.status',
  'jobs.status.any',
  'jobs.photos',
  'invoices.manage',
  // Quotes are written by the office like invoices (RLS: owner, admin, office); technicians read them.
  'quotes.manage',
  'messages.send',
  'loyalty.manage',
  // The front desk invites customers to the portal (and resends the invitation) ...
  'portal.invite',
  // ... and may take the business's customers, jobs and invoices out as CSV.
  'data.export',
]

const grants: Record<StaffRole, ReadonlySet<Permission>> = {
  // ... while removing someone's login is for owners and admins.
  owner: new Set<Permission>([...office, 'portal.revoke', 'staff.manage', 'staff.invite', 'settings.manage']),
  // Admins build the team and run the settings; changing roles stays with owners.
  admin: new Set<Permission>([...office, 'portal.revoke', 'staff.invite', 'settings.manage']),
  office: new Set<Permission>(office),
  // Technicians work their own jobs: status changes on jobs assigned to them, photos of any job of
  // the business (RLS: any staff member), notes and messages.
  technician: new Set<Permission>([
    'jobs.status',
    'jobs.photos',
    'customers.notes',
    'messages.send',
  ]),
}

export function can(role: StaffRole, permission: Permission): boolean {
  return grants[role].has(permission)
}

/** A technician may move only jobs assigned to them; office roles may move any job. */
export function canChangeJobStatus(
  staff: { id: string; role: StaffRole },
  job: { technician_id: string | null },
): boolean {
  if (can(staff.role, 'jobs.status.any')) return true
  return can(staff.role, 'jobs.status') && job.technician_id === staff.id
}

/** Whether this staff member may move this job to `to` (the lifecycle is checked separately). */
export function canSetJobStatus(
  staff: { id: string; role: StaffRole },
  job: { technician_id: string | null },
  to: string,
): boolean {
  if (!canChangeJobStatus(staff, job)) return false
  return can(staff.role, 'jobs.status.any') || technicianJobStatuses.includes(to as JobStatus)
}

export const forbiddenMessage = 'Your role does not allow this action. Ask an owner or admin.'
