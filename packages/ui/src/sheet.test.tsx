import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from './sheet.tsx'

function MobileNav() {
  return (
    <Sheet>
      <SheetTrigger>Menu</SheetTrigger>
      <SheetContent side="left">
        <SheetHeader>
          <SheetTitle>Navigation</SheetTitle>
          <SheetDescription>Go to another page.</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main">
          <a href="/">Dashboard</a>
          <a href="/invoices">Invoices</a>
        </nav>
      </SheetContent>
    </Sheet>
  )
}

describe('Sheet', () => {
  it('slides in a named dialog from the chosen side, with focus inside', async () => {
    const user = userEvent.setup()
    render(<MobileNav />)
    await user.click(screen.getByRole('button', { name: 'Menu' }))
    const sheet = screen.getByRole('dialog', { name: 'Navigation' })
    expect(sheet.dataset.side).toBe('left')
    expect(sheet.className).toContain('left-0')
    expect(sheet.contains(document.activeElement)).toBe(true)
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy()
  })

  it('closes on Escape and on its Close button, returning focus to the trigger', async () => {
    const user = userEvent.setup()
    render(<MobileNav />)
    const trigger = screen.getByRole('button', { name: 'Menu' })
    await user.click(trigger)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(trigger)
    await user.click(trigger)
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })
})
