import { describe, expect, it } from 'vitest'
import { initialsOf, isTileTemplate, tileSpot, tileUrl } from './map-tile.ts'

describe('map tiles', () => {
  it('finds the tile of a point and where on it the point falls', () => {
    // The origin sits on the corner of four tiles at zoom 1.
    expect(tileSpot({ latitude: 0, longitude: 0 }, 1)).toEqual({
      zoom: 1,
      x: 1,
      y: 1,
      left: 0,
      top: 0,
    })
    const austin = tileSpot({ latitude: 30.2672, longitude: -97.7431 }, 15)
    // Checked by hand: x = floor((lng + 180) / 360 × 2^15), y from the mercator formula.
    expect([austin.x, austin.y]).toEqual([7487, 13491])
    expect(austin.left).toBeGreaterThanOrEqual(0)
    expect(austin.left).toBeLessThan(1)
  })

  it('fills a template and rejects one without placeholders', () => {
    expect(tileUrl('https://t.example/{z}/{x}/{y}.png', { zoom: 15, x: 1, y: 2 })).toBe(
      'https://t.example/15/1/2.png',
    )
    expect(isTileTemplate('https://t.example/{z}/{x}/{y}.png')).toBe(true)
    expect(isTileTemplate('https://t.example/tile.png')).toBe(false)
    expect(isTileTemplate('javascript:{z}{x}{y}')).toBe(false)
  })

  it('makes initials', () => {
    expect(initialsOf('Tom Baker')).toBe('TB')
    expect(initialsOf('cher')).toBe('C')
    expect(initialsOf('  Ana  María  López ')).toBe('AL')
    expect(initialsOf(null)).toBe('')
  })
})
