import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asPersona } from './support/personas.ts'
import { clients, join, quiet, REFUSED, realtimeAs, until } from './support/realtime-channels.ts'
import { closeAdminPool } from './support/stack.ts'
import { createWorld, type World } from './support/world.ts'

/*
 * Realtime Authorization (supabase/migrations/*_realtime_authorization.sql): the broadcast and
 * presence channels are private, and RLS policies on realtime.messages decide who may join (read)
 * and send or track (write). Everything here goes through supabase-js and the stack's Realtime
 * server, exactly as the apps do.
 */

describe('realtime authorization: private broadcast and presence channels', () => {
  let world: World
  let p: World['personas']
  beforeAll(async () => {
    world = await createWorld()
    p = world.personas
  })
  afterAll(async () => {
    for (const client of clients.splice(0)) {
      await client.removeAllChannels()
      client.realtime.disconnect()
    }
    await closeAdminPool()
  })

  it('typing:<customer>: the customer and their organization’s staff talk, nobody else gets in', async () => {
    const topic = `typing:${world.customerA}`
    const customerA = await join(await realtimeAs(p.customerA), topic)
    const office = await join(await realtimeAs(p.office), topic)
    const tech = await join(await realtimeAs(p.tech), topic)

    for (const outsider of [p.customerB, p.unlinked, p.otherOrgOwner, p.anon]) {
      await expect(join(await realtimeAs(outsider), topic), outsider.name).rejects.toThrow(REFUSED)
    }

    expect(
      await customerA.channel.send({
        type: 'broadcast',
        event: 'typing',
        payload: { sender: 'customer', name: 'Alice', typing: true },
      }),
    ).toBe('ok')
    expect(
      await office.channel.send({
        type: 'broadcast',
        event: 'typing',
        payload: { sender: 'staff', name: 'Oscar', typing: true },
      }),
    ).toBe('ok')
    await until(() => office.broadcasts.length === 1, 'staff to see the customer typing')
    await until(() => customerA.broadcasts.length === 1, 'the customer to see staff typing')
    await until(() => tech.broadcasts.length === 2, 'the technician to see both')
    expect(office.broadcasts).toEqual([{ sender: 'customer', name: 'Alice', typing: true }])
    expect(customerA.broadcasts).toEqual([{ sender: 'staff', name: 'Oscar', typing: true }])
  })

  it('customer A is refused on B’s typing topic, receives nothing from it and cannot fake B’s typing', async () => {
    const topicB = `typing:${world.customerB}`
    const clientA = await realtimeAs(p.customerA)
    await expect(join(clientA, topicB)).rejects.toThrow(REFUSED)
    const customerB = await join(await realtimeAs(p.customerB), topicB)
    const staff = await join(await realtimeAs(p.owner), topicB)

    // A's own thread is open; B's conversation never reaches it.
    const ownA = await join(clientA, `typing:${world.customerA}`)
    await customerB.channel.send({
      type: 'broadcast',
      event: 'typing',
      payload: { sender: 'customer', name: 'Bob', typing: true },
    })
    await until(() => staff.broadcasts.length === 1, 'staff to see Bob typing')
    await quiet()
    expect(ownA.broadcasts).toEqual([])
    // Nothing A did reached B's thread.
    expect(customerB.broadcasts).toEqual([])
  })

  it('presence:customer:<customer>: staff of the organization see each other; customers and other organizations do not get in', async () => {
    const topic = `presence:customer:${world.customerA}`
    const office = await join(await realtimeAs(p.office), topic, p.office.userId as string)
    const owner = await join(await realtimeAs(p.owner), topic, p.owner.userId as string)
    expect(await office.channel.track({ name: 'Oscar' })).toBe('ok')
    expect(await owner.channel.track({ name: 'Olivia' })).toBe('ok')
    const both = [p.office.userId, p.owner.userId].sort()
    await until(() => office.presence().join() === both.join(), 'office to see the owner')
    await until(() => owner.presence().join() === both.join(), 'the owner to see office')

    for (const outsider of [p.customerA, p.customerB, p.otherOrgOwner, p.unlinked, p.anon]) {
      await expect(
        join(await realtimeAs(outsider), topic, outsider.userId ?? 'anon'),
        outsider.name,
      ).rejects.toThrow(REFUSED)
    }
  })

  it('presence:portal:<customer>: the customer tracks themselves, their staff only watch', async () => {
    const topic = `presence:portal:${world.customerA}`
    const customerA = await join(
      await realtimeAs(p.customerA),
      topic,
      p.customerA.userId ?? undefined,
    )
    expect(await customerA.channel.track({ kind: 'customer' })).toBe('ok')
    const office = await join(await realtimeAs(p.office), topic, p.office.userId as string)
    await until(() => office.presence().join() === p.customerA.userId, 'staff to see A online')
    // Staff may watch but not announce themselves to the customer.
    expect(await office.channel.track({ kind: 'staff' })).toBe('error')

    for (const outsider of [p.customerB, p.otherOrgOwner, p.unlinked, p.anon]) {
      await expect(
        join(await realtimeAs(outsider), topic, outsider.userId ?? 'anon'),
        outsider.name,
      ).rejects.toThrow(REFUSED)
    }
    expect(customerA.presence()).toEqual([p.customerA.userId])
  })

  it('presence:org:<organization>: staff track, the organization’s customers watch and never see each other', async () => {
    const topic = `presence:org:${world.org1}`
    const office = await join(await realtimeAs(p.office), topic, p.office.userId as string)
    expect(await office.channel.track({ kind: 'staff' })).toBe('ok')
    const customerA = await join(
      await realtimeAs(p.customerA),
      topic,
      p.customerA.userId ?? undefined,
    )
    const customerB = await join(
      await realtimeAs(p.customerB),
      topic,
      p.customerB.userId ?? undefined,
    )
    await until(() => customerA.presence().join() === p.office.userId, 'A to see the team')
    // A customer cannot announce themselves to the organization's other customers.
    expect(await customerA.channel.track({ kind: 'customer' })).toBe('error')
    expect(await customerB.channel.track({ kind: 'customer' })).toBe('error')
    await quiet()
    expect(customerB.presence()).toEqual([p.office.userId])
    expect(office.presence()).toEqual([p.office.userId])

    for (const outsider of [p.otherOrgOwner, p.unlinked, p.anon]) {
      await expect(
        join(await realtimeAs(outsider), topic, outsider.userId ?? 'anon'),
        outsider.name,
      ).rejects.toThrow(REFUSED)
    }
    // The other organization's own room is theirs alone.
    await expect(
      join(await realtimeAs(p.office), `presence:org:${world.org2}`, 'x'),
    ).rejects.toThrow(REFUSED)
    await join(await realtimeAs(p.otherOrgOwner), `presence:org:${world.org2}`, 'y')
  })

  it('typing topics carry broadcast only, presence rooms presence only', async () => {
    const typing = await join(await realtimeAs(p.customerA), `typing:${world.customerA}`, 'k')
    expect(await typing.channel.track({ kind: 'customer' })).toBe('error')
    const room = await join(await realtimeAs(p.office), `presence:customer:${world.customerA}`, 'k')
    expect(
      await room.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: true } }),
    ).toBe('error')
  })

  it('a malformed or unknown topic is refused, never an error', async () => {
    const topics = [
      'typing:',
      'typing:not-a-uuid',
      `typing:${world.customerA}x`,
      `typing:${world.customerA}:extra`,
      `typing: ${world.customerA}`,
      `TYPING:${world.customerA}`,
      `typing:${world.customerA.replace(/-/g, '')}`,
      'presence:org:',
      'presence:org:zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
      `presence:${world.customerA}`,
      `presence:job:${world.jobA}`,
      `org:${world.org1}`,
      `customer:${world.customerA}`,
      "typing:'; select 1; --",
      'x'.repeat(300),
      '',
    ]
    // Straight through the policy function, as the users the policies apply to.
    for (const persona of [p.customerA, p.owner]) {
      const rows = await asPersona(persona, async (db) => {
        const out: boolean[] = []
        for (const topic of topics.filter((t) => !t.includes('\u0000'))) {
          for (const extension of ['broadcast', 'presence']) {
            for (const send of [false, true]) {
              const { rows } = await db.query<{ allowed: boolean }>(
                'select private.realtime_topic_allowed($1, $2, $3) as allowed',
                [topic, extension, send],
              )
              out.push(rows[0]?.allowed ?? true)
            }
          }
        }
        const { rows } = await db.query<{ allowed: boolean }>(
          'select private.realtime_topic_allowed(null, null, null) as allowed',
        )
        out.push(rows[0]?.allowed ?? true)
        return out
      })
      expect(
        rows.every((allowed) => allowed === false),
        persona.name,
      ).toBe(true)
    }
    // And through the Realtime server: a refusal, not a server error.
    const owner = await realtimeAs(p.owner)
    for (const topic of ['typing:not-a-uuid', `typing:${world.customerA}x`, 'presence:org:']) {
      await expect(join(owner, topic), topic).rejects.toThrow(REFUSED)
    }
  })
})
