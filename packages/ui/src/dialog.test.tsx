import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Button } from './button.tsx'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from './dialog.tsx'

function EditDialog() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>Edit customer</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit customer</DialogTitle>
          <DialogDescription>Changes show in the portal at once.</DialogDescription>
        </DialogHeader>
        <input aria-label="Name" />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}

describe('Dialog', () => {
  it('opens a modal dialog named by its title and described by its description', async () => {
    const user = userEvent.setup()
    render(<EditDialog />)
    const trigger = screen.getByRole('button', { name: 'Edit customer' })
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog')
    expect(trigger.getAttribute('aria-expanded')).toBe('false')

    await user.click(trigger)
    const dialog = screen.getByRole('dialog', { name: 'Edit customer' })
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    expect(trigger.getAttribute('aria-controls')).toBe(dialog.id)
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '')
    expect(description?.textContent).toBe('Changes show in the portal at once.')
    expect(dialog.contains(document.activeElement)).toBe(true)
    expect(screen.getByRole('button', { name: 'Close' }).className).toContain('size-11')
  })

  it('closes on Escape and gives focus back to the trigger', async () => {
    const user = userEvent.setup()
    render(<EditDialog />)
    const trigger = screen.getByRole('button', { name: 'Edit customer' })
    await user.click(trigger)
    expect(screen.queryByRole('dialog')).not.toBeNull()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })

  it('keeps Tab inside the dialog and closes from the × button', async () => {
    const user = userEvent.setup()
    render(<EditDialog />)
    await user.click(screen.getByRole('button', { name: 'Edit customer' }))
    const dialog = screen.getByRole('dialog')
    for (let i = 0; i < 5; i++) {
      await user.tab()
      expect(dialog.contains(document.activeElement)).toBe(true)
    }
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('Dialog overlay', () => {
  it('a click on the overlay closes a plain dialog', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 })
    render(<EditDialog />)
    await user.click(screen.getByRole('button', { name: 'Edit customer' }))
    const overlay = document.querySelector('[data-slot="dialog-overlay"]')
    if (!overlay) throw new Error('no overlay')
    await user.click(overlay)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
