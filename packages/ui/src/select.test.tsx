import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Field } from './field.tsx'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select.tsx'

function StatusSelect({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('scheduled')
  return (
    <form aria-label="Job">
      <Field id="status" label="Status">
        {(control) => (
          <Select
            name="status"
            value={value}
            onValueChange={(next) => {
              setValue(next)
              onChange(next)
            }}
          >
            <SelectTrigger {...control}>
              <SelectValue placeholder="Pick a status" />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="scheduled">Scheduled</SelectItem>
              <SelectItem value="confirmed">Confirmed</SelectItem>
              <SelectItem value="cancelled" disabled>
                Cancelled
              </SelectItem>
              <SelectItem value="completed">Completed</SelectItem>
            </SelectContent>
          </Select>
        )}
      </Field>
    </form>
  )
}

describe('Select', () => {
  it('is a combobox named by its label that shows the chosen value', () => {
    render(<StatusSelect onChange={() => {}} />)
    const trigger = screen.getByRole('combobox', { name: 'Status' })
    expect(trigger.textContent).toContain('Scheduled')
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    expect(trigger.className).toContain('min-h-11')
  })

  it('is operable with the keyboard alone: open, move past a disabled option, pick', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<StatusSelect onChange={onChange} />)
    const trigger = screen.getByRole('combobox', { name: 'Status' })
    trigger.focus()
    await user.keyboard('{Enter}')
    const listbox = screen.getByRole('listbox')
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    expect(trigger.getAttribute('aria-controls')).toBe(listbox.id)
    expect(screen.getByRole('option', { name: 'Scheduled' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    expect(screen.getByRole('option', { name: 'Cancelled' }).getAttribute('aria-disabled')).toBe(
      'true',
    )

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(screen.getByRole('option', { name: 'Completed' }))
    await user.keyboard('{Enter}')
    expect(onChange).toHaveBeenCalledWith('completed')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(trigger.textContent).toContain('Completed')
    expect(document.activeElement).toBe(trigger)
  })

  it('Escape closes without changing the value; the form submits the value under its name', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<StatusSelect onChange={onChange} />)
    const trigger = screen.getByRole('combobox', { name: 'Status' })
    trigger.focus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('listbox')).toBeTruthy()
    await user.keyboard('{ArrowDown}{Escape}')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(onChange).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(trigger)
    const form = screen.getByRole('form', { name: 'Job' }) as HTMLFormElement
    expect(new FormData(form).get('status')).toBe('scheduled')
  })
})
