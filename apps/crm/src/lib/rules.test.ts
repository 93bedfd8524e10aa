import { defaultWording, describeError, type ErrorHints } from '@repo/actions/errors'
import { describe, expect, it } from 'vitest'
import { canApplyInvoiceAction, formatCents, invoiceActionTarget } from './invoice-status.ts'
import { allowedNextStatuses, canMoveJob } from './job-status.ts'
import { can, canChangeJobStatus, canSetJobStatus, forbiddenMessage } from './permissions.ts'

describe('role permissions', () => {
  it('lets office staff invoice but not manage portal access or staff', () => {
    expect(can('office', 'invoices.manage')).toBe(true)
    expect(can('office', 'portal.manage')).toBe(false)
    expect(can('admin', 'portal.manage')).toBe(true)
    expect(can('admin', 'staff.manage')).toBe(false)
    expect(can('owner', 'staff.manage')).toBe(true)
  })

  it('keeps technicians to their own jobs and away from admin actions', () => {
    const tech = { id: 'tech-1', role: 'technician' as const }
    expect(canChangeJobStatus(tech, { technician_id: 'tech-1' })).toBe(true)
    expect(canChangeJobStatus(tech, { technician_id: 'tech-2' })).toBe(false)
    expect(canChangeJobStatus(tech, { technician_id: null })).toBe(false)
    expect(canChangeJobStatus({ id: 'o', role: 'office' }, { technician_id: null })).toBe(true)
    for (const p of ['invoices.manage', 'customers.edit', 'jobs.schedule', 'loyalty.manage', 'portal.manage'] as const) {
      expect(can('technician', p)).toBe(false)
    }
  })

  it('lets technicians set only the field states on their own jobs (as the database does)', () => {
    const tech = { id: 'tech-1', role: 'technician' as const }
    const own = { technician_id: 'tech-1' }
    for (const s of ['en_route', 'in_progress', 'completed']) expect(canSetJobStatus(tech, own, s)).toBe(true)
    for (const s of ['confirmed', 'cancelled', 'scheduled']) expect(canSetJobStatus(tech, own, s)).toBe(false)
    expect(canSetJobStatus(tech, { technician_id: 'tech-2' }, 'completed')).toBe(false)
    expect(canSetJobStatus({ id: 'o', role: 'office' }, { technician_id: null }, 'cancelled')).toBe(true)
  })
})

describe('lifecycles', () => {
  it('moves jobs forward only', () => {
    expect(canMoveJob('scheduled', 'confirmed')).toBe(true)
    expect(canMoveJob('in_progress', 'completed')).toBe(true)
    expect(canMoveJob('completed', 'in_progress')).toBe(false)
    expect(canMoveJob('cancelled', 'scheduled')).toBe(false)
    expect(allowedNextStatuses('completed')).toEqual([])
  })

  it('applies invoice actions only from valid states', () => {
    expect(canApplyInvoiceAction('draft', 'send')).toBe(true)
    expect(canApplyInvoiceAction('paid', 'void')).toBe(false)
    expect(canApplyInvoiceAction('overdue', 'mark_paid')).toBe(true)
    expect(canApplyInvoiceAction('draft', 'mark_paid')).toBe(false)
    expect(invoiceActionTarget('mark_paid')).toBe('paid')
    expect(formatCents(123456)).toBe('$1,234.56')
  })
})

describe('repository error messages', () => {
  // The kit's one mapper, worded for staff as the CRM's action client words it.
  const describeRepositoryError = (error: unknown, hints?: ErrorHints) =>
    describeError(error, hints, { ...defaultWording, forbidden: forbiddenMessage })

  it('puts a duplicate invoice number on the number field', () => {
    expect(describeRepositoryError({ code: '23505' }, { unique: { field: 'number', message: 'Invoice number already used' } })).toEqual({
      error: 'Invoice number already used',
      fieldErrors: { number: ['Invoice number already used'] },
    })
  })

  it('explains unknown linked ids, permission refusals and missing rows without leaking SQL', () => {
    expect(describeRepositoryError(
        { code: '23503', message: 'insert violates fk "jobs_customer"' },
        { foreignKeys: { customer_id: { field: 'customerId', message: 'Unknown customer.' } } },
      ).fieldErrors).toEqual({
      customerId: ['A linked record does not exist (or is not in your organization).'],
    })
    expect(describeRepositoryError({ code: '42501', message: 'new row violates row-level security' }).error).toMatch(/role does not allow/)
    expect(describeRepositoryError({ code: 'not_found' }).error).toMatch(/no longer exists/)
    expect(describeRepositoryError(new Error('socket hang up')).error).toBe('Something went wrong; nothing was changed. Please try again.')
  })
})
