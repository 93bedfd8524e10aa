// The kit's one path (validate -> caller -> role -> run -> revalidate -> clear error), with a fake
// caller and handlers: what a refused call returns and that it never reached the repository.

import type { LogLevel } from '@repo/database/env'
import { redirect } from 'next/navigation'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../logger.ts'
import { fail, ok } from '../result.ts'
import { createActionClient, refuse } from './create-action-client.ts'

const revalidatePath = vi.hoisted(() => vi.fn())
vi.mock('next/cache', () => ({ revalidatePath }))

const lines: { level: LogLevel; entry: Record<string, unknown> }[] = []
const logger = createLogger('action', {
  level: 'debug',
  write: (line, level) => lines.push({ level, entry: JSON.parse(line) }),
})

const caller = { signedIn: true, role: 'office' as 'office' | 'technician' }
const action = createActionClient<{ staffId: string; role: string }, 'jobs.schedule'>({
  context: async () =>
    caller.signedIn
      ? { staffId: 'staff-1', role: caller.role }
      : refuse('Your session has ended. Sign in again.'),
  allows: (ctx) => ctx.role === 'office',
  identify: (ctx) => ({ staffId: ctx.staffId }),
  logger,
})

const repository = vi.fn(async (input: { title: string; customerId: string }) => ({
  id: 'job-1',
  ...input,
}))
const schema = z.object({
  customerId: z.guid({ message: 'Customer is not a valid id' }),
  title: z.string().trim().min(1, 'Title is required'),
})
const customerId = '30000000-0000-4000-8000-000000000001'

const scheduleJob = action(
  {
    name: 'jobs.schedule',
    schema,
    role: 'jobs.schedule',
    errors: { foreignKeys: { customer_id: { field: 'customerId', message: 'Unknown customer.' } } },
    revalidate: ['/jobs'],
  },
  async ({ input, revalidate }) => {
    const job = await repository(input)
    revalidate(`/customers/${job.customerId}`)
    return ok(job)
  },
)

beforeEach(() => {
  repository.mockClear()
  revalidatePath.mockClear()
  lines.length = 0
  caller.signedIn = true
  caller.role = 'office'
})

describe('validation', () => {
  it('refuses bad input with field errors and never calls the repository', async () => {
    expect(await scheduleJob({ customerId: 'nope', title: ' ' })).toEqual({
      ok: false,
      error: 'Please correct the highlighted fields.',
      fieldErrors: { customerId: ['Customer is not a valid id'], title: ['Title is required'] },
    })
    expect(repository).not.toHaveBeenCalled()
    expect(revalidatePath).not.toHaveBeenCalled()
  })

  it('uses a bare value’s own message as the error', async () => {
    const confirm = action(
      { name: 'jobs.confirm', schema: z.uuid({ message: 'Unknown appointment.' }) },
      async ({ input }) => ok(input),
    )
    expect(await confirm('not-an-id')).toEqual({ ok: false, error: 'Unknown appointment.' })
  })
})

describe('caller and role', () => {
  it('refuses a signed-out caller', async () => {
    caller.signedIn = false
    expect(await scheduleJob({ customerId, title: 'Stairs' })).toEqual({
      ok: false,
      error: 'Your session has ended. Sign in again.',
    })
    expect(repository).not.toHaveBeenCalled()
  })

  it('refuses a role without the permission before any repository call, and logs it', async () => {
    caller.role = 'technician'
    expect(await scheduleJob({ customerId, title: 'Stairs' })).toEqual({
      ok: false,
      error: 'You are not allowed to do that.',
    })
    expect(repository).not.toHaveBeenCalled()
    expect(lines).toEqual([
      {
        level: 'warn',
        entry: expect.objectContaining({
          message: 'action refused: role',
          action: 'jobs.schedule',
          staffId: 'staff-1',
        }),
      },
    ])
  })
})

describe('success', () => {
  it('returns the data and revalidates the declared and the handler’s paths', async () => {
    expect(await scheduleJob({ customerId, title: ' Stairs ' })).toEqual({
      ok: true,
      data: { id: 'job-1', customerId, title: 'Stairs' },
    })
    expect(repository).toHaveBeenCalledTimes(1)
    expect(revalidatePath.mock.calls).toEqual([['/jobs'], [`/customers/${customerId}`]])
  })

  it('revalidates nothing when the handler refuses', async () => {
    const refusing = action(
      { name: 'jobs.refuse', schema, revalidate: ['/jobs'] },
      async ({ revalidate }) => {
        revalidate('/customers')
        return fail('A completed job cannot move.')
      },
    )
    expect(await refusing({ customerId, title: 'x' })).toEqual({
      ok: false,
      error: 'A completed job cannot move.',
    })
    expect(revalidatePath).not.toHaveBeenCalled()
  })

  it('lets redirect() through instead of reporting it as a failure', async () => {
    const signIn = action({ name: 'auth.sign-in', schema }, async () => redirect('/customers'))
    await expect(signIn({ customerId, title: 'x' })).rejects.toThrow('NEXT_REDIRECT')
  })
})

describe('repository errors', () => {
  it('maps a thrown error to one message, on the field it belongs to, and logs it once', async () => {
    repository.mockRejectedValueOnce({
      code: '23503',
      message:
        'insert or update on table "jobs" violates foreign key constraint "jobs_customer_id_fkey"',
      details: `Key (customer_id)=(${customerId}) is not present in table "customers".`,
    })
    expect(await scheduleJob({ customerId, title: 'Stairs' })).toEqual({
      ok: false,
      error: 'Unknown customer.',
      fieldErrors: { customerId: ['Unknown customer.'] },
    })
    expect(lines.map((l) => [l.level, l.entry.kind])).toEqual([['warn', 'foreign_key']])
  })

  it('says the service is unavailable for an outage, logged as an error', async () => {
    repository.mockRejectedValueOnce(
      Object.assign(new Error('loading customer failed: TypeError: fetch failed'), {
        code: 'unknown',
        status: 0,
      }),
    )
    expect(await scheduleJob({ customerId, title: 'Stairs' })).toEqual({
      ok: false,
      error: 'The service is unavailable, try again in a moment. Nothing was changed.',
    })
    expect(lines.map((l) => [l.level, l.entry.kind])).toEqual([['error', 'unavailable']])
  })
})

describe('form posts', () => {
  const signIn = action(
    {
      name: 'auth.sign-in',
      schema: z.object({
        email: z.email({ message: 'Enter your email' }),
        password: z.string().min(1),
      }),
      keep: ['email'],
    },
    async () => fail('Email or password is incorrect.'),
  )

  it('reads a posted form as (previous state, FormData) and echoes only the kept fields', async () => {
    const form = new FormData()
    form.set('email', 'alice@example.com')
    form.set('password', 'wrong')
    form.set('$ACTION_ID_abc', '')
    expect(await signIn(null, form)).toEqual({
      ok: false,
      error: 'Email or password is incorrect.',
      values: { email: 'alice@example.com' },
    })
  })

  it('echoes the kept fields with field errors too', async () => {
    const form = new FormData()
    form.set('email', 'alice')
    expect(await signIn(null, form)).toMatchObject({
      ok: false,
      fieldErrors: { email: ['Enter your email'] },
      values: { email: 'alice' },
    })
  })
})
