import { describe, expect, it } from 'vitest'
import { layoutColumn } from './column-layout.ts'

const lanes = (items: Parameters<typeof layoutColumn>[0]) =>
  Object.fromEntries(layoutColumn(items).map((i) => [i.id, `${i.lane}/${i.lanes}`]))

describe('layoutColumn', () => {
  it('gives jobs that do not overlap the full width', () => {
    expect(
      lanes([
        { id: 'a', start: 480, end: 600 },
        { id: 'b', start: 600, end: 660 },
      ]),
    ).toEqual({ a: '0/1', b: '0/1' })
  })

  it('puts overlapping jobs side by side and reuses a lane once it is free', () => {
    expect(
      lanes([
        { id: 'a', start: 480, end: 600 },
        { id: 'b', start: 510, end: 540 },
        { id: 'c', start: 540, end: 570 },
        { id: 'd', start: 560, end: 620 },
      ]),
    ).toEqual({ a: '0/3', b: '1/3', c: '1/3', d: '2/3' })
  })

  it('sizes each overlap group on its own', () => {
    expect(
      lanes([
        { id: 'a', start: 480, end: 540 },
        { id: 'b', start: 500, end: 560 },
        { id: 'c', start: 700, end: 760 },
      ]),
    ).toEqual({ a: '0/2', b: '1/2', c: '0/1' })
  })
})
