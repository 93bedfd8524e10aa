import { defaultWording, describeError, type ErrorHints } from '@repo/actions/errors'
import { forbiddenMessage } from '@repo/domain/staff'
import { describe, expect, it } from 'vitest'

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
