import { describe, expect, it } from 'vitest'
import { FilterError, matchesFilter, parseFilter } from '../../src/realtime/filters.ts'
import { decodeFrame, encodeBroadcast, FrameError } from '../../src/realtime/protocol.ts'
import { textToJson } from '../../src/realtime/values.ts'

/** Kind 3 as realtime-js's serializer builds it. */
function userBroadcastPush(parts: {
  joinRef: string
  ref: string
  topic: string
  event: string
  meta: string
  encoding: number
  body: Buffer
}) {
  const strings = [parts.joinRef, parts.ref, parts.topic, parts.event, parts.meta].map((s) =>
    Buffer.from(s),
  )
  return Buffer.concat([
    Buffer.from([3, ...strings.map((s) => s.length), parts.encoding]),
    ...strings,
    parts.body,
  ])
}

describe('frames', () => {
  it('decodes 1.0.0 objects and 2.0.0 arrays into the same message', () => {
    const v1 = decodeFrame(
      Buffer.from(
        JSON.stringify({ topic: 't', event: 'e', payload: { a: 1 }, ref: '2', join_ref: '1' }),
      ),
      false,
      '1.0.0',
    )
    const v2 = decodeFrame(
      Buffer.from(JSON.stringify(['1', '2', 't', 'e', { a: 1 }])),
      false,
      '2.0.0',
    )
    expect(v1).toEqual({ joinRef: '1', ref: '2', topic: 't', event: 'e', payload: { a: 1 } })
    expect(v2).toEqual(v1)
  })

  it('decodes binary user broadcasts with JSON and raw payloads, and multi-byte strings', () => {
    const json = decodeFrame(
      userBroadcastPush({
        joinRef: '1',
        ref: '9',
        topic: 'realtime:café',
        event: 'ünï',
        meta: '',
        encoding: 1,
        body: Buffer.from('{"x":1}'),
      }),
      true,
      '2.0.0',
    )
    expect(json).toEqual({
      joinRef: '1',
      ref: '9',
      topic: 'realtime:café',
      event: 'broadcast',
      payload: {
        type: 'broadcast',
        event: 'ünï',
        payload: { x: 1 },
        binary: false,
        meta: undefined,
      },
    })
    const raw = decodeFrame(
      userBroadcastPush({
        joinRef: '',
        ref: '',
        topic: 'realtime:b',
        event: 'e',
        meta: '{"persist":true}',
        encoding: 0,
        body: Buffer.from([1, 2]),
      }),
      true,
      '2.0.0',
    )
    expect(raw.joinRef).toBeNull()
    expect(raw.payload).toMatchObject({
      binary: true,
      payload: Buffer.from([1, 2]),
      meta: { persist: true },
    })
  })

  it('rejects binary frames on 1.0.0 sockets and bad encodings', () => {
    const frame = userBroadcastPush({
      joinRef: '1',
      ref: '2',
      topic: 't',
      event: 'e',
      meta: '',
      encoding: 7,
      body: Buffer.alloc(0),
    })
    expect(() => decodeFrame(frame, true, '1.0.0')).toThrow(FrameError)
    expect(() => decodeFrame(frame, true, '2.0.0')).toThrow(/unknown payload encoding 7/)
    expect(() => decodeFrame(Buffer.from('[1,2,"t","e",{}]'), false, '2.0.0')).not.toThrow()
    expect(() => decodeFrame(Buffer.from('[null,null,"","e",{}]'), false, '2.0.0')).toThrow(/topic/)
  })

  it('encodes broadcasts as kind 4 for 2.0.0 and as JSON for 1.0.0', () => {
    const frame = encodeBroadcast('2.0.0', 'realtime:r', {
      event: 'ev',
      payload: { a: 1 },
      binary: false,
    }) as Buffer
    expect([...frame.subarray(0, 5)]).toEqual([4, 10, 2, 0, 1])
    expect(frame.subarray(5).toString()).toBe('realtime:rev{"a":1}')
    expect(
      JSON.parse(
        encodeBroadcast('1.0.0', 'realtime:r', {
          event: 'ev',
          payload: { a: 1 },
          binary: false,
        }) as string,
      ),
    ).toEqual({
      join_ref: null,
      ref: null,
      topic: 'realtime:r',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'ev', payload: { a: 1 } },
    })
    expect(
      encodeBroadcast('1.0.0', 'realtime:r', {
        event: 'ev',
        payload: Buffer.from([1]),
        binary: true,
      }),
    ).toBeNull()
  })
})

describe('filters', () => {
  it('parses every supported operator and quoted in lists', () => {
    expect(parseFilter('id=eq.5')).toEqual({ column: 'id', operator: 'eq', values: ['5'] })
    expect(parseFilter('name=neq.a.b')).toEqual({
      column: 'name',
      operator: 'neq',
      values: ['a.b'],
    })
    expect(parseFilter('s=in.(a,"b,c",d)')).toEqual({
      column: 's',
      operator: 'in',
      values: ['a', 'b,c', 'd'],
    })
    for (const bad of [
      'id=like.x',
      'id',
      '=eq.1',
      'id=eq',
      'id=in.()',
      'id=in.(a',
      `id=in.(${'1,'.repeat(100)}1)`,
    ]) {
      expect(() => parseFilter(bad), bad).toThrow(FilterError)
    }
  })

  it('matches numbers as numbers, text as text, and never NULL or missing columns', () => {
    const numeric = { column: 'n', operator: 'lt' as const, values: ['10'], numeric: true }
    expect(matchesFilter(numeric, { n: '9' })).toBe(true)
    expect(matchesFilter(numeric, { n: '10' })).toBe(false)
    expect(matchesFilter({ ...numeric, numeric: false }, { n: '9' })).toBe(false) // '9' > '10' as text
    expect(
      matchesFilter(
        { column: 's', operator: 'in', values: ['a', 'b'], numeric: false },
        { s: 'b' },
      ),
    ).toBe(true)
    expect(
      matchesFilter({ column: 's', operator: 'neq', values: ['a'], numeric: false }, { s: null }),
    ).toBe(false)
    expect(
      matchesFilter(
        { column: 's', operator: 'neq', values: ['a'], numeric: false },
        { other: 'x' },
      ),
    ).toBe(false)
  })
})

describe('values', () => {
  it('turns Postgres text into the JSON Supabase sends', () => {
    expect(textToJson('int8', '42')).toBe(42)
    expect(textToJson('numeric', '4.50')).toBe(4.5)
    expect(textToJson('bool', 'f')).toBe(false)
    expect(textToJson('jsonb', '{"a": [1]}')).toEqual({ a: [1] })
    expect(textToJson('timestamptz', '2026-03-01 09:30:00+00')).toBe('2026-03-01T09:30:00+00:00')
    expect(textToJson('timestamptz', '2026-03-01 09:30:00.5+05:30')).toBe(
      '2026-03-01T09:30:00.5+05:30',
    )
    expect(textToJson('timestamp', '2026-03-01 09:30:00')).toBe('2026-03-01T09:30:00')
    expect(textToJson('_text', '{a,"b c",NULL,"d\\"e"}')).toEqual(['a', 'b c', null, 'd"e'])
    expect(textToJson('_int4', '{1,2}')).toEqual([1, 2])
    expect(textToJson('uuid', 'abc')).toBe('abc')
    expect(textToJson('text', null)).toBeNull()
  })
})
