import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Badge, type BadgeTone } from './badge.tsx'

const expected: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100',
  info: 'bg-sky-100',
  success: 'bg-emerald-100',
  warning: 'bg-amber-100',
  danger: 'bg-red-100',
}

describe('Badge', () => {
  it.each(Object.entries(expected))('tone %s uses its own fill', (tone, fill) => {
    render(<Badge tone={tone as BadgeTone}>Status</Badge>)
    const badge = screen.getByText('Status')
    expect(badge.tagName).toBe('SPAN')
    expect(badge.dataset.tone).toBe(tone)
    expect(badge.className).toContain(fill)
    for (const other of Object.values(expected).filter((c) => c !== fill)) {
      expect(badge.className).not.toContain(other)
    }
  })

  it('is neutral by default, and className wins over the tone', () => {
    render(<Badge className="bg-white">Draft</Badge>)
    const badge = screen.getByText('Draft')
    expect(badge.dataset.tone).toBe('neutral')
    expect(badge.className).toContain('bg-white')
    expect(badge.className).not.toContain('bg-slate-100')
  })

  it('asChild puts the look on a link', () => {
    render(
      <Badge asChild tone="info">
        <a href="/messages">3 new</a>
      </Badge>,
    )
    expect(screen.getByRole('link', { name: '3 new' }).className).toContain('bg-sky-100')
  })
})
