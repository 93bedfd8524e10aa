import { describe, expect, it } from 'vitest'
import { can, canChangeJobStatus, canSetJobStatus } from './permissions.ts'
import { staffRoles } from './staff-roles.ts'

describe('role permissions', () => {
  it('lets office staff invoice and invite customers to the portal, but not revoke logins or manage staff', () => {
    expect(can('office', 'invoices.manage')).toBe(true)
    expect(can('office', 'quotes.manage')).toBe(true)
    expect(can('office', 'portal.invite')).toBe(true)
    expect(can('office', 'portal.revoke')).toBe(false)
    expect(can('admin', 'portal.revoke')).toBe(true)
    expect(can('admin', 'staff.manage')).toBe(false)
    expect(can('owner', 'staff.manage')).toBe(true)
    expect(can('office', 'data.export')).toBe(true)
    expect(can('technician', 'data.export')).toBe(false)
    for (const role of ['owner', 'admin', 'office'] as const)
      expect(can(role, 'customers.import')).toBe(true)
  })

  it('lets owners and admins build the team and run the settings, and nobody else', () => {
    for (const role of ['owner', 'admin'] as const) {
      expect(can(role, 'staff.invite')).toBe(true)
      expect(can(role, 'settings.manage')).toBe(true)
    }
    for (const role of ['office', 'technician'] as const) {
      expect(can(role, 'staff.invite')).toBe(false)
      expect(can(role, 'settings.manage')).toBe(false)
    }
  })

  it('keeps technicians to their own jobs and away from admin actions', () => {
    const tech = { id: 'tech-1', role: 'technician' as const }
    expect(canChangeJobStatus(tech, { technician_id: 'tech-1' })).toBe(true)
    expect(canChangeJobStatus(tech, { technician_id: 'tech-2' })).toBe(false)
    expect(canChangeJobStatus(tech, { technician_id: null })).toBe(false)
    expect(canChangeJobStatus({ id: 'o', role: 'office' }, { technician_id: null })).toBe(true)
    for (const p of [
      'invoices.manage',
      'quotes.manage',
      'customers.edit',
      'customers.import',
      'jobs.schedule',
      'loyalty.manage',
      'portal.invite',
      'portal.revoke',
    ] as const) {
      expect(can('technician', p)).toBe(false)
    }
  })

  it('lets technicians set only the field states on their own jobs (as the database does)', () => {
    const tech = { id: 'tech-1', role: 'technician' as const }
    const own = { technician_id: 'tech-1' }
    for (const s of ['en_route', 'in_progress', 'completed'])
      expect(canSetJobStatus(tech, own, s)).toBe(true)
    for (const s of ['confirmed', 'cancelled', 'scheduled'])
      expect(canSetJobStatus(tech, own, s)).toBe(false)
    expect(canSetJobStatus(tech, { technician_id: 'tech-2' }, 'completed')).toBe(false)
    expect(canSetJobStatus({ id: 'o', role: 'office' }, { technician_id: null }, 'cancelled')).toBe(
      true,
    )
  })

  it('knows every role the database knows', () => {
    expect(staffRoles).toEqual(['owner', 'admin', 'office', 'technician'])
  })
})
