import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { useTechnicianPosition } from '../../src/hooks/use-technician-position.ts'
import {
  createWorld,
  customerClient,
  insertJob,
  otherCustomerClient,
  staffClient,
  type World,
} from '../helpers/fixtures.ts'
import { connected, LONG, provider } from '../helpers/render.tsx'
import { closeClients, settle, sql } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterEach(cleanup)
afterAll(closeClients)

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString()

describe('useTechnicianPosition', () => {
  it('carries the technician’s positions to the job’s customer, newest first, and keeps others out', async () => {
    const job = await insertJob(world, world.customer.id)
    // The staff member of the test world is the job's technician.
    await sql('update public.jobs set technician_id = $1 where id = $2', [world.staff.id, job.id])
    const initial = { latitude: 30.25, longitude: -97.75, accuracy: null, recordedAt: at(5) }
    const technician = renderHook(() => useTechnicianPosition(job.id), {
      wrapper: provider(await staffClient(world)),
    })
    const customer = renderHook(() => useTechnicianPosition(job.id, { initial }), {
      wrapper: provider(await customerClient(world)),
    })
    const outsider = renderHook(() => useTechnicianPosition(job.id), {
      wrapper: provider(await otherCustomerClient(world)),
    })
    await connected(technician.result)
    await connected(customer.result)
    expect(customer.result.current.position).toEqual(initial)

    const fix = { latitude: 30.26, longitude: -97.74, accuracy: 8, recordedAt: at(0) }
    act(() => {
      expect(technician.result.current.send(fix)).toBe(true)
    })
    await waitFor(() => expect(customer.result.current.position).toEqual(fix), LONG)

    // An older fix arriving late does not replace a newer one.
    act(() => {
      technician.result.current.send({ ...fix, latitude: 1, recordedAt: at(1) })
    })
    await settle()
    expect(customer.result.current.position).toEqual(fix)

    // Another customer's join is refused: they never hear a position.
    await waitFor(() => expect(outsider.result.current.isConnected).toBe(false), LONG)
    expect(outsider.result.current.position).toBeNull()
  })

  it('reads the last known position on joining, so a fix sent before the join is not lost', async () => {
    const job = await insertJob(world, world.customer.id)
    const stored = { latitude: 30.27, longitude: -97.73, accuracy: 5, recordedAt: at(0) }
    let loads = 0
    const loadLatest = async () => {
      loads += 1
      return stored
    }
    const customer = renderHook(() => useTechnicianPosition(job.id, { loadLatest }), {
      wrapper: provider(await customerClient(world)),
    })
    expect(customer.result.current.position).toBeNull()
    await connected(customer.result)
    await waitFor(() => expect(customer.result.current.position).toEqual(stored), LONG)
    expect(loads).toBe(1)
  })
})
