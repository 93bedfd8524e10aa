import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool } from './support/stack.ts'
import { createWorld, type World } from './support/world.ts'

interface RpcAnswer {
  status: number
  error: { code: string; message: string; details: string | null; hint: string | null } | null
}

/** The answer with the id the caller sent replaced, so two answers can be compared whole. */
function shape(answer: RpcAnswer, id: string) {
  return {
    status: answer.status,
    code: answer.error?.code,
    message: answer.error?.message.replace(id, '<id>'),
    details: answer.error?.details ?? null,
    hint: answer.error?.hint ?? null,
  }
}

describe('rpc "not found" answers 404, the same for rows of others and rows that do not exist', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it("a customer asking for another customer's balance or points gets the answer for a missing customer", async () => {
    const a = clientFor(world.personas.customerA)
    const nobody = randomUUID()
    const calls = [
      (id: string) => a.rpc('loyalty_balance', { p_customer_id: id }),
      (id: string) => a.rpc('loyalty_balance', { p_customer_id: id }, { get: true }),
      (id: string) => a.rpc('redeem_points', { p_customer_id: id, p_points: 10 }),
      (id: string) => a.rpc('redeem_points', { p_customer_id: id, p_reward_id: world.reward }),
    ]
    for (const call of calls) {
      const others = shape(await call(world.customerB), world.customerB)
      const missing = shape(await call(nobody), nobody)
      expect(others).toEqual({
        status: 404,
        code: 'PT404',
        message: 'Customer <id> not found',
        details: null,
        hint: null,
      })
      expect(missing).toEqual(others)
    }
  })

  it("the job functions answer 404 alike for another customer's job and a missing job", async () => {
    const a = clientFor(world.personas.customerA)
    const nobody = randomUUID()
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString()
    const calls = [
      (id: string) => a.rpc('confirm_job', { p_job_id: id }),
      (id: string) => a.rpc('cancel_job', { p_job_id: id, p_reason: 'probe' }),
      (id: string) => a.rpc('request_reschedule', { p_job_id: id, p_preferred_times: [later] }),
    ]
    for (const call of calls) {
      const others = shape(await call(world.jobB), world.jobB)
      expect(others).toMatchObject({ status: 404, code: 'PT404', message: 'Job <id> not found' })
      expect(shape(await call(nobody), nobody)).toEqual(others)
    }
  })

  it('staff get 404 for a reward, user or customer outside their reach', async () => {
    const office = clientFor(world.personas.office)
    const unknownReward = randomUUID()
    const reward = await office.rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_reward_id: unknownReward,
    })
    expect(reward.status).toBe(404)
    expect(reward.error?.message).toBe(`Reward ${unknownReward} not found`)
    const ghost = randomUUID()
    const user = await office.rpc('provision_portal_user', {
      p_customer_id: world.customerC,
      p_user_id: ghost,
    })
    expect(user.status).toBe(404)
    expect(user.error?.message).toBe(`User ${ghost} not found`)
    const elsewhere = await clientFor(world.personas.otherOrgOwner).rpc('loyalty_balance', {
      p_customer_id: world.customerA,
    })
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.error?.code).toBe('PT404')
  })

  it('the errors that are not "not found" keep their 4xx statuses', async () => {
    const tech = await clientFor(world.personas.tech).rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_points: 1,
    })
    expect(tech.status).toBe(403)
    expect(tech.error?.code).toBe('42501')
    const a = clientFor(world.personas.customerA)
    const zero = await a.rpc('redeem_points', { p_customer_id: world.customerA, p_points: 0 })
    expect(zero.status).toBe(400)
    expect(zero.error?.code).toBe('22023')
    const tooMuch = await a.rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_points: 1_000_000,
    })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.error?.code).toBe('P0001')
  })
})
