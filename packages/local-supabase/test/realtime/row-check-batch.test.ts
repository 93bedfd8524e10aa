import { describe, expect, it } from 'vitest'
import {
  planRowChecks,
  type RowQuestion,
  textArrayLiteral,
} from '../../src/realtime/row-check-batch.ts'
import type { Subscriber } from '../../src/realtime/tokens.ts'

const who = (role: string, sub: string): Subscriber => ({
  role,
  claims: { sub, role },
  claimsJson: JSON.stringify({ sub, role }),
  expiresAt: null,
})

describe('planRowChecks', () => {
  const ann = who('authenticated', 'ann')
  const bo = who('authenticated', 'bo')
  const anon = who('anon', '')
  const questions: RowQuestion[] = [
    { keyValues: ['1'], xid: 10, subscribers: [ann, bo] },
    { keyValues: ['2'], xid: 11, subscribers: [bo, anon] },
    { keyValues: ['3'], xid: 11, subscribers: [ann] },
  ]

  it('asks each identity once about all its rows, identities of one role together', () => {
    const { calls } = planRowChecks(questions, { maxCalls: 1, minIdentities: 1 })
    expect(calls).toEqual([
      {
        roles: ['anon', 'authenticated', 'authenticated'],
        claims: [anon.claimsJson, ann.claimsJson, bo.claimsJson],
        keys: ['{"2"}', '{"1","3"}', '{"1","2"}'],
        wantedCounts: [1, 2, 2],
        xids: [11, 10],
      },
    ])
  })

  it('maps answers back to each question’s subscribers, also when split over calls', () => {
    for (const maxCalls of [1, 2, 3]) {
      const plan = planRowChecks(questions, { maxCalls, minIdentities: 1 })
      expect(plan.calls).toHaveLength(maxCalls)
      // Each identity may see exactly the rows whose key is in its allowed list.
      const allowed = new Map([
        [anon.claimsJson, []],
        [ann.claimsJson, ['3']],
        [bo.claimsJson, ['1', '2']],
      ])
      const results = plan.calls.map((call) =>
        call.claims.flatMap((claims, i) => {
          const keys = JSON.parse(`[${call.keys[i]?.slice(1, -1)}]`) as string[]
          return keys.map((key) => allowed.get(claims)?.includes(key) === true)
        }),
      )
      expect(plan.answers(results)).toEqual([[false, true], [true, false], [true]])
    }
  })

  it('answers false for everyone when a call brought no answer', () => {
    const plan = planRowChecks(questions, { maxCalls: 2, minIdentities: 1 })
    expect(plan.answers([])).toEqual([[false, false], [false, false], [false]])
  })
})

describe('textArrayLiteral', () => {
  it('quotes every element, so commas, braces, quotes, backslashes and NULL stay text', () => {
    expect(textArrayLiteral(['a,b', '{c}', 'say "hi"', 'back\\slash', 'NULL', ''])).toBe(
      '{"a,b","{c}","say \\"hi\\"","back\\\\slash","NULL",""}',
    )
  })
})
