import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from './dropdown-menu.tsx'

function JobActions({ onEdit, onArchive }: { onEdit: () => void; onArchive: () => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger>Job actions</DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Job</DropdownMenuLabel>
        <DropdownMenuItem onSelect={onEdit}>Edit</DropdownMenuItem>
        <DropdownMenuItem disabled>Duplicate</DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="danger" onSelect={onArchive}>
          Archive
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}

describe('DropdownMenu', () => {
  it('opens from the keyboard, moves past disabled items, runs the chosen one and returns focus', async () => {
    const user = userEvent.setup()
    const onArchive = vi.fn()
    render(<JobActions onEdit={() => {}} onArchive={onArchive} />)
    const trigger = screen.getByRole('button', { name: 'Job actions' })
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu')
    trigger.focus()
    await user.keyboard('{Enter}')
    const menu = screen.getByRole('menu')
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    expect(menu.getAttribute('aria-labelledby')).toBe(trigger.id)
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }))

    await user.keyboard('{ArrowDown}')
    const archive = screen.getByRole('menuitem', { name: 'Archive' })
    expect(document.activeElement).toBe(archive)
    expect(archive.dataset.variant).toBe('danger')
    await user.keyboard('{Enter}')
    expect(onArchive).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })

  it('Escape closes without running anything', async () => {
    const user = userEvent.setup()
    const onEdit = vi.fn()
    render(<JobActions onEdit={onEdit} onArchive={() => {}} />)
    const trigger = screen.getByRole('button', { name: 'Job actions' })
    trigger.focus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menu')).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(onEdit).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(trigger)
  })
})
