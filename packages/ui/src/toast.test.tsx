import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Toaster, toast } from './toast.tsx'

describe('toast', () => {
  it('shows a toast asked for before the Toaster and sonner have loaded, with the id it returned', async () => {
    const id = toast.success('Saved Stairs', { description: 'Both views are up to date.' })
    expect(typeof id).toBe('string')
    render(<Toaster />)
    // sonner is imported on first use: a loaded machine may take a while.
    expect(await screen.findByText('Saved Stairs', {}, { timeout: 10_000 })).toBeTruthy()
    expect(screen.getByText('Both views are up to date.')).toBeTruthy()
    await act(async () => {
      toast.error('Not saved: the slot is taken')
    })
    expect(await screen.findByText('Not saved: the slot is taken')).toBeTruthy()
    await act(async () => {
      toast.dismiss(id)
    })
    await expect.poll(() => screen.queryByText('Saved Stairs')).toBeNull()
  })
})
