import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Field } from './field.tsx'
import { Input } from './input.tsx'
import { Label } from './label.tsx'
import { Textarea } from './textarea.tsx'

describe('Input, Textarea, Label', () => {
  it('a Label names its control, and a click on it focuses the control', async () => {
    render(
      <>
        <Label htmlFor="phone">Phone</Label>
        <Input id="phone" type="tel" />
        <Label htmlFor="notes">Notes</Label>
        <Textarea id="notes" />
      </>,
    )
    const phone = screen.getByRole('textbox', { name: 'Phone' })
    expect(phone.dataset.slot).toBe('input')
    expect(phone.className).toContain('min-h-11')
    expect(screen.getByRole('textbox', { name: 'Notes' }).dataset.slot).toBe('textarea')
    await userEvent.click(screen.getByText('Phone'))
    expect(document.activeElement).toBe(phone)
  })

  it('className overrides the shared control look', () => {
    render(<Input aria-label="Search" className="rounded-full" />)
    const { className } = screen.getByRole('textbox', { name: 'Search' })
    expect(className).toContain('rounded-full')
    expect(className).not.toContain('rounded-lg')
  })
})

describe('Field', () => {
  it('wires label, hint and error to any control', () => {
    const { rerender } = render(
      <Field id="job-notes" label="Notes" hint="Shown to the technician">
        {(control) => <Textarea {...control} />}
      </Field>,
    )
    const notes = screen.getByRole('textbox', { name: 'Notes' })
    expect(notes.getAttribute('aria-invalid')).toBeNull()
    expect(document.getElementById(notes.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Shown to the technician',
    )

    rerender(
      <Field id="job-notes" label="Notes" hint="Shown to the technician" error="Too long">
        {(control) => <Textarea {...control} />}
      </Field>,
    )
    expect(notes.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(notes.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Too long',
    )
    expect(screen.queryByText('Shown to the technician')).toBeNull()
  })
})
