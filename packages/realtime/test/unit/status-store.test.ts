import { describe, expect, it } from 'vitest'
import { createDeduper } from '../../src/core/dedupe.ts'
import { createStatusStore, overallStatus } from '../../src/core/status-store.ts'

describe('overallStatus', () => {
  it('reports the worst status, and disconnected when nothing is subscribed', () => {
    expect(overallStatus([])).toBe('disconnected')
    expect(overallStatus(['connected', 'connected'])).toBe('connected')
    expect(overallStatus(['connected', 'connecting'])).toBe('connecting')
    expect(overallStatus(['connecting', 'disconnected'])).toBe('disconnected')
    expect(overallStatus(['disconnected', 'reconnecting', 'connected'])).toBe('reconnecting')
  })
})

describe('createStatusStore', () => {
  it('notifies listeners only on real changes and keeps snapshots stable', () => {
    const store = createStatusStore()
    let calls = 0
    const stop = store.subscribe(() => {
      calls += 1
    })
    store.set('a', 'connecting', 'Jobs')
    const first = store.entries()
    store.set('a', 'connecting', 'Jobs')
    expect(store.entries()).toBe(first)
    store.set('b', 'connected', 'Messages')
    expect(store.overall()).toBe('connecting')
    store.set('a', 'connected', 'Jobs')
    expect(store.overall()).toBe('connected')
    store.remove('a')
    store.remove('a')
    expect(store.entries()).toEqual([{ id: 'b', label: 'Messages', status: 'connected' }])
    expect(calls).toBe(4)
    stop()
    store.set('b', 'disconnected')
    expect(calls).toBe(4)
  })
})

describe('createDeduper', () => {
  it('drops repeats and forgets the oldest keys beyond its capacity', () => {
    const dedupe = createDeduper(2)
    expect(dedupe.seen('a')).toBe(false)
    expect(dedupe.seen('a')).toBe(true)
    expect(dedupe.seen('b')).toBe(false)
    expect(dedupe.seen('c')).toBe(false)
    expect(dedupe.seen('a')).toBe(false)
  })
})
