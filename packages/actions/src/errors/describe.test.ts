// The one mapping from a failure to a message, kind by kind (real PostgREST errors for the common
// kinds are produced against a local stack in test/error-mapping.test.ts).
import { describe, expect, it } from 'vitest'
import { classifyError, isUnavailable, nullIfNotFound } from './classify.ts'
import { describeError } from './describe.ts'

describe('classifyError', () => {
  it.each([
    [{ code: 'invalid_input', field: 'title' }, 'invalid_input'],
    [{ code: 'not_found' }, 'not_found'],
    [{ code: 'PGRST116' }, 'not_found'],
    [{ code: '42501', status: 403 }, 'forbidden'],
    [{ code: 'PGRST301', status: 401 }, 'session'],
    [{ code: '', status: 401 }, 'session'],
    [{ code: '23505' }, 'unique'],
    [{ code: '23503' }, 'foreign_key'],
    [{ code: '23514' }, 'invalid_value'],
    [{ code: 'P0001' }, 'rule'],
    [{ code: '22023' }, 'rule'],
    [{ code: '40001' }, 'conflict'],
    [{ code: '57014' }, 'timeout'],
    [{ code: 'unknown', status: 0 }, 'unavailable'],
    [{ code: 'unknown', status: 503 }, 'unavailable'],
    [{ code: 'PGRST001', status: 503 }, 'unavailable'],
    [{ code: '08006' }, 'unavailable'],
    [{ name: 'AuthRetryableFetchError', status: 0, message: 'fetch failed' }, 'unavailable'],
    [
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      'unavailable',
    ],
    [{ code: 'XX000', status: 500 }, 'unknown'],
    [new Error('socket hang up'), 'unknown'],
  ])('%o is %s', (error, kind) => {
    expect(classifyError(error)).toBe(kind)
  })
})

describe('describeError', () => {
  it('shows our own database rules without the repository prefix', () => {
    expect(
      describeError({
        code: 'P0001',
        message: 'redeeming failed: Not enough points for this reward',
      }),
    ).toEqual({
      error: 'Not enough points for this reward',
    })
  })

  it('puts a repository input check on its field', () => {
    expect(
      describeError({ code: 'invalid_input', field: 'body', message: 'body must not be empty' }),
    ).toEqual({
      error: 'body must not be empty',
      fieldErrors: { body: ['body must not be empty'] },
    })
  })

  it('uses an action’s message for a code of its own, and its fallback for the unknown', () => {
    expect(
      describeError(
        { code: 'email_exists' },
        { codes: { email_exists: 'Another login uses this e-mail.' } },
      ),
    ).toEqual({
      error: 'Another login uses this e-mail.',
    })
    expect(
      describeError(new Error('boom'), { fallback: 'We could not cancel this appointment.' }),
    ).toEqual({
      error: 'We could not cancel this appointment.',
    })
  })

  it('finds the column of a tenant-scoped foreign key from the constraint name when RLS hides the values', () => {
    const error = {
      code: '23503',
      message:
        'creating invoice failed: insert or update on table "invoices" violates foreign key constraint "invoices_organization_id_job_id_fkey"',
      details: 'Key is not present in table "jobs".',
    }
    const hints = {
      foreignKeys: {
        customer_id: { field: 'customerId', message: 'Unknown customer.' },
        job_id: { field: 'jobId', message: 'Unknown job.' },
      },
    }
    expect(describeError(error, hints)).toEqual({
      error: 'Unknown job.',
      fieldErrors: { jobId: ['Unknown job.'] },
    })
  })
})

describe('nullIfNotFound', () => {
  it('turns only "not found" into null; an outage is rethrown', async () => {
    expect(await nullIfNotFound(Promise.reject({ code: 'not_found' }))).toBeNull()
    const outage = { code: 'unknown', status: 0 }
    await expect(nullIfNotFound(Promise.reject(outage))).rejects.toBe(outage)
    expect(isUnavailable(outage)).toBe(true)
  })
})
