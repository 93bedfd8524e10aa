import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, one, sql } from './support/stack.ts'
import { createWorld, type World } from './support/world.ts'

describe('organization settings', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  const settings = (id: string) =>
    one(
      'select timezone, points_per_dollar, cancellation_notice_hours from public.organizations where id = $1',
      [id],
    )

  it('an owner changes the loyalty rule, the notice period and the time zone', async () => {
    const owner = clientFor(world.personas.owner)
    const { error } = await owner
      .from('organizations')
      .update({ timezone: 'Europe/Berlin', points_per_dollar: 3, cancellation_notice_hours: 12 })
      .eq('id', world.org1)
    expect(error).toBeNull()
    expect(await settings(world.org1)).toEqual({
      timezone: 'Europe/Berlin',
      points_per_dollar: 3,
      cancellation_notice_hours: 12,
    })
  })

  it('bad settings are refused with a clear error and change nothing', async () => {
    const owner = clientFor(world.personas.owner)
    const before = await settings(world.org1)
    const zone = await owner
      .from('organizations')
      .update({ timezone: 'Mars/Olympus' })
      .eq('id', world.org1)
    expect(zone.error?.message).toBe('Unknown time zone "Mars/Olympus"')
    const rate = await owner
      .from('organizations')
      .update({ points_per_dollar: -1 })
      .eq('id', world.org1)
    expect(rate.error?.code).toBe('23514')
    const notice = await owner
      .from('organizations')
      .update({ cancellation_notice_hours: 10_000 })
      .eq('id', world.org1)
    expect(notice.error?.code).toBe('23514')
    expect(await settings(world.org1)).toEqual(before)
  })

  it('slugs are lowercase words joined by dashes, and unique', async () => {
    await expect(
      sql(`insert into public.organizations (name, slug) values ('Bad', 'Not A Slug')`),
    ).rejects.toThrow(/organizations_slug_check/)
    const slug = (
      await one<{ slug: string }>('select slug from public.organizations where id = $1', [
        world.org1,
      ])
    ).slug
    await expect(
      sql(`insert into public.organizations (name, slug) values ('Copy', $1)`, [slug]),
    ).rejects.toThrow(/organizations_slug_key/)
  })

  it('office staff and customers read the organization but cannot change it', async () => {
    for (const who of ['office', 'customerA'] as const) {
      const client = clientFor(world.personas[who])
      const read = await client.from('organizations').select('name').eq('id', world.org1)
      expect(read.data, who).toHaveLength(1)
      const write = await client
        .from('organizations')
        .update({ name: 'Taken over' })
        .eq('id', world.org1)
        .select()
      expect(write.data, who).toEqual([])
    }
    expect(await one('select name from public.organizations where id = $1', [world.org1])).toEqual({
      name: 'Org One',
    })
  })
})
