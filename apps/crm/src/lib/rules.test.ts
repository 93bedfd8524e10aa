import { describe, expect, it } from 'vitest'
import { EnvError, readServerEnv } from './env.ts'
import { canApplyInvoiceAction, formatCents, invoiceActionTarget } from './invoice-status.ts'
import { allowedNextStatuses, canMoveJob } from './job-status.ts'
import { can, canChangeJobStatus, canSetJobStatus } from './permissions.ts'

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

describe('env', () => {
  it('names every missing variable in one message', () => {
    try {
      readServerEnv({})
      expect.unreachable('should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      const message = (error as Error).message
      expect(message).toContain('NEXT_PUBLIC_SUPABASE_URL (or SUPABASE_URL): is missing')
      expect(message).toContain('SUPABASE_SERVICE_ROLE_KEY: is missing')
    }
  })

  it('accepts the publishable-key name and rejects a non-URL', () => {
    const env = readServerEnv({
      NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'x'.repeat(40),
      SUPABASE_SERVICE_ROLE_KEY: 'y'.repeat(40),
    })
    expect(env.supabaseAnonKey).toBe('x'.repeat(40))
    expect(env.portalUrl).toBe('http://localhost:3001')
    expect(() => readServerEnv({ NEXT_PUBLIC_SUPABASE_URL: 'not a url' })).toThrow(/must be an http\(s\) URL/)
  })
})

describe('repository error messages', async () => {
  const { describeRepositoryError } = await import('./repository-errors.ts')

  it('puts a duplicate invoice number on the number field', () => {
    expect(describeRepositoryError({ code: '23505' }, { uniqueField: 'number', uniqueMessage: 'Invoice number already used' })).toEqual({
      error: 'Invoice number already used',
      fieldErrors: { number: ['Invoice number already used'] },
    })
  })

  it('explains unknown linked ids, permission refusals and missing rows without leaking SQL', () => {
    expect(describeRepositoryError({ code: '23503', message: 'insert violates fk "jobs_customer"' }, { foreignKeyField: 'customerId' }).fieldErrors).toEqual({
      customerId: ['A linked record does not exist (or is not in your organization).'],
    })
    expect(describeRepositoryError({ code: '42501', message: 'new row violates row-level security' }).error).toMatch(/role does not allow/)
    expect(describeRepositoryError({ code: 'not_found' }).error).toMatch(/no longer exists/)
    expect(describeRepositoryError(new Error('socket hang up')).error).toBe('Something went wrong; nothing was changed. Please try again.')
  })
})
