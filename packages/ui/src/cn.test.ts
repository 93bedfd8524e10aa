import { describe, expect, it } from 'vitest'
import { cn } from './cn.ts'

describe('cn', () => {
  it('lets a later class win over a conflicting earlier one', () => {
    expect(cn('min-h-11 px-4 bg-sky-700', 'px-2 bg-red-700')).toBe('min-h-11 px-2 bg-red-700')
    expect(cn('p-4', 'px-2')).toBe('p-4 px-2')
    expect(cn('px-2', 'p-4')).toBe('p-4')
    expect(cn('rounded-lg', 'rounded-full')).toBe('rounded-full')
    expect(cn('hover:bg-sky-800', 'hover:bg-red-800')).toBe('hover:bg-red-800')
  })

  it('keeps classes that only look alike (text size and text colour)', () => {
    expect(cn('text-sm text-slate-700', 'text-red-800')).toBe('text-sm text-red-800')
    expect(cn('hover:bg-slate-100', 'bg-white')).toBe('hover:bg-slate-100 bg-white')
  })

  it('skips falsy parts and accepts arrays and condition objects', () => {
    const busy = false
    expect(cn('a', null, undefined, false, busy && 'b', ['c', { d: true, e: false }])).toBe('a c d')
    expect(cn()).toBe('')
  })
})
