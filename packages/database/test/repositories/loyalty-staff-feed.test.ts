import { beforeAll, describe, expect, it } from 'vitest'
import {
  awardPoints,
  getCurrentStaffMember,
  getLoyaltyBalance,
  getOrganization,
  listChanges,
  listLoyaltyTransactions,
  listRewards,
  listStaff,
  RepositoryError,
  redeemPoints,
  redeemReward,
  updateStaffMember,
  ValidationError,
} from '../../src/repositories/index.ts'
import { createWorld, sql, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('loyalty repository', () => {
  it('awards, derives the balance and redeems through the database function', async () => {
    await awardPoints(world.staff.client, {
      organizationId: world.organizationId,
      customerId: world.customer.id,
      points: 300,
      description: 'Welcome bonus',
    })
    expect(await getLoyaltyBalance(world.customer.client, world.customer.id)).toBe(300)
    const [reward] = await sql<{ id: string }>(
      `insert into public.loyalty_rewards (organization_id, name, points_cost, active) values ($1, 'Free stair clean', 200, true) returning id`,
      [world.organizationId],
    )
    expect(
      (await listRewards(world.customer.client, world.organizationId)).map((r) => r.name),
    ).toEqual(['Free stair clean'])
    const redeemed = await redeemReward(world.customer.client, world.customer.id, reward?.id ?? '')
    expect(redeemed).toMatchObject({ kind: 'redeemed', points: -200 })
    expect(await getLoyaltyBalance(world.customer.client, world.customer.id)).toBe(100)
    expect(
      (await listLoyaltyTransactions(world.customer.client, world.customer.id)).map(
        (t) => t.points,
      ),
    ).toEqual([-200, 300])
  })

  it('refuses to redeem more than the balance, changing nothing', async () => {
    const balance = await getLoyaltyBalance(world.otherCustomer.client, world.otherCustomer.id)
    await expect(
      redeemPoints(world.otherCustomer.client, world.otherCustomer.id, balance + 1, 'Too much'),
    ).rejects.toBeInstanceOf(RepositoryError)
    await expect(
      redeemPoints(world.otherCustomer.client, world.otherCustomer.id, -5, 'Negative'),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      awardPoints(world.staff.client, {
        organizationId: world.organizationId,
        customerId: world.customer.id,
        points: -5,
        description: 'x',
      }),
    ).rejects.toThrow(/only be negative for an adjustment/)
    expect(await getLoyaltyBalance(world.otherCustomer.client, world.otherCustomer.id)).toBe(
      balance,
    )
  })
})

describe('staff and organizations', () => {
  it('finds the signed-in staff member and lists the team', async () => {
    expect((await getCurrentStaffMember(world.staff.client))?.id).toBe(world.staff.id)
    expect(await getCurrentStaffMember(world.customer.client)).toBeNull()
    expect(
      (await listStaff(world.staff.client, world.organizationId)).map((s) => s.full_name),
    ).toEqual(['Olivia Owner', 'Terry Tech'])
    const renamed = await updateStaffMember(world.staff.client, world.technician.id, {
      phone: '555-0100',
    })
    expect(renamed.phone).toBe('555-0100')
    expect((await getOrganization(world.customer.client, world.organizationId)).name).toBe(
      'Dirt Free Test',
    )
  })
})

describe('change feed', () => {
  it('lists what changed after a given event id', async () => {
    const [last] = await sql<{ id: string }>(
      `select coalesce(max(id), 0)::int as id from public.realtime_table_events`,
    )
    await awardPoints(world.staff.client, {
      organizationId: world.organizationId,
      customerId: world.customer.id,
      points: 10,
      description: 'Referral',
    })
    const changes = await listChanges(world.staff.client, world.organizationId, {
      afterId: Number(last?.id ?? 0),
    })
    expect(changes.map((c) => [c.table_name, c.event_type])).toEqual([
      ['loyalty_transactions', 'INSERT'],
    ])
    await expect(
      listChanges(world.staff.client, world.organizationId, { limit: 0 }),
    ).rejects.toThrow(/limit/)
  })
})
