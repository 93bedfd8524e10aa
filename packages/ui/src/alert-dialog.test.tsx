import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from './alert-dialog.tsx'
import { Button } from './button.tsx'

function CancelJob({ onConfirm }: { onConfirm: () => void }) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="danger">Cancel appointment</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Cancel this appointment?</AlertDialogTitle>
          <AlertDialogDescription>The technician is told at once.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep it</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Cancel it</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}

describe('AlertDialog', () => {
  it('is an alertdialog whose Cancel has focus first, so Enter does not confirm', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    render(<CancelJob onConfirm={onConfirm} />)
    await user.click(screen.getByRole('button', { name: 'Cancel appointment' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this appointment?' })
    expect(
      document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('The technician is told at once.')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }))
    await user.keyboard('{Enter}')
    expect(onConfirm).not.toHaveBeenCalled()
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('confirms with the danger-styled action and closes', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    render(<CancelJob onConfirm={onConfirm} />)
    await user.click(screen.getByRole('button', { name: 'Cancel appointment' }))
    const action = screen.getByRole('button', { name: 'Cancel it' })
    expect(action.className).toContain('bg-red-700')
    await user.click(action)
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('closes on Escape, not on a click outside, and returns focus to the trigger', async () => {
    // The overlay blocks pointer events to the page; click it as a user would.
    const user = userEvent.setup({ pointerEventsCheck: 0 })
    render(<CancelJob onConfirm={() => {}} />)
    const trigger = screen.getByRole('button', { name: 'Cancel appointment' })
    await user.click(trigger)
    const overlay = document.querySelector('[data-slot="alert-dialog-overlay"]')
    if (!overlay) throw new Error('no overlay')
    await user.click(overlay)
    expect(screen.queryByRole('alertdialog')).not.toBeNull()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })
})
