import { describe, expect, it } from 'vitest'
import type { QueuedAction } from '../queue/types.ts'
import { fieldKinds } from './field-kinds.ts'
import { overlayVisit } from './visit-overlay.ts'

const page = {
  status: 'en_route' as const,
  updatedAt: '2026-12-03T09:00:00.000001+00:00',
  done: ['Walk'],
}

function queued(kind: string, payload: unknown, seq: number): QueuedAction {
  return {
    key: `k${seq}`,
    seq,
    kind,
    recordId: 'job',
    payload,
    expected: { status: 'en_route', updatedAt: page.updatedAt },
    madeAt: '2026-12-03T09:01:00Z',
    state: 'waiting',
    failures: 0,
  }
}

describe('the visit on screen', () => {
  it('is the page’s copy when nothing waits', () => {
    const visit = overlayVisit(page, undefined, [])
    expect(visit.status).toBe('en_route')
    expect([...visit.done]).toEqual(['Walk'])
    expect(visit.statusWaiting).toBe(false)
    expect(visit.version).toEqual({ status: 'en_route', updatedAt: page.updatedAt })
  })

  it('lays queued steps and ticks over it in order, marking what waits', () => {
    const visit = overlayVisit(page, undefined, [
      queued(fieldKinds.status, { status: 'in_progress' }, 1),
      queued(fieldKinds.tick, { item: 'Vacuum', done: true }, 2),
      queued(fieldKinds.tick, { item: 'Walk', done: false }, 3),
      queued(fieldKinds.complete, { signerName: 'Fern', signaturePng: null }, 4),
    ])
    expect(visit.status).toBe('completed')
    expect(visit.statusWaiting).toBe(true)
    expect([...visit.done]).toEqual(['Vacuum'])
    expect([...visit.itemsWaiting].sort()).toEqual(['Vacuum', 'Walk'])
  })

  it('starts from a newer answer of the server than a saved page', () => {
    const known = { status: 'in_progress', updatedAt: '2026-12-03T09:05:00.000001+00:00' }
    expect(overlayVisit(page, known, []).status).toBe('in_progress')
    const older = { status: 'scheduled', updatedAt: '2026-12-03T08:00:00+00:00' }
    expect(overlayVisit(page, older, []).status).toBe('en_route')
  })
})
