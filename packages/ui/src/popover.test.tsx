import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Popover, PopoverClose, PopoverContent, PopoverTrigger } from './popover.tsx'

function Bell() {
  return (
    <Popover>
      <PopoverTrigger aria-label="Notifications, 2 unread">🔔</PopoverTrigger>
      <PopoverContent aria-label="Notifications">
        <p>Invoice INV-1001 was paid</p>
        <PopoverClose>Dismiss</PopoverClose>
      </PopoverContent>
    </Popover>
  )
}

describe('Popover', () => {
  it('the trigger says it opens a dialog, whether it is open, and which element it controls', async () => {
    const user = userEvent.setup()
    render(<Bell />)
    const trigger = screen.getByRole('button', { name: 'Notifications, 2 unread' })
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog')
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    await user.click(trigger)
    const panel = screen.getByRole('dialog', { name: 'Notifications' })
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    expect(trigger.getAttribute('aria-controls')).toBe(panel.id)
    expect(panel.dataset.slot).toBe('popover-content')
  })

  it('closes on Escape and returns focus to the trigger', async () => {
    const user = userEvent.setup()
    render(<Bell />)
    const trigger = screen.getByRole('button', { name: 'Notifications, 2 unread' })
    await user.click(trigger)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(trigger)
  })

  it('closes on a click outside and from its close button', async () => {
    const user = userEvent.setup()
    render(<Bell />)
    const trigger = screen.getByRole('button', { name: 'Notifications, 2 unread' })
    await user.click(trigger)
    await user.click(document.body)
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.click(trigger)
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
