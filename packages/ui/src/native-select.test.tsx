import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { Field } from './field.tsx'
import { Label } from './label.tsx'
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from './native-select.tsx'

function KindField({ error, onChange }: { error?: string; onChange?: (value: string) => void }) {
  return (
    <form aria-label="Points">
      <Field id="kind" label="Kind" hint="How the points were earned" error={error}>
        {(control) => (
          <NativeSelect name="kind" defaultValue="earned" onChange={(e) => onChange?.(e.target.value)} {...control}>
            <NativeSelectOption value="earned">Earned</NativeSelectOption>
            <NativeSelectOption value="bonus">Bonus</NativeSelectOption>
            <NativeSelectOption value="adjustment">Adjustment</NativeSelectOption>
          </NativeSelect>
        )}
      </Field>
    </form>
  )
}

describe('NativeSelect', () => {
  it('is a combobox named by its Field label, with the hint linked', () => {
    render(<KindField />)
    const select = screen.getByRole('combobox', { name: 'Kind' })
    expect(select.tagName).toBe('SELECT')
    expect(select.dataset.slot).toBe('native-select')
    expect(select.getAttribute('aria-describedby')).toBe('kind-hint')
    expect(screen.getByText('How the points were earned').id).toBe('kind-hint')
    expect(select.getAttribute('aria-invalid')).toBeNull()
  })

  it('an error sets aria-invalid and is linked instead of the hint', () => {
    render(<KindField error="Pick a kind" />)
    const select = screen.getByRole('combobox', { name: 'Kind' })
    expect(select.getAttribute('aria-invalid')).toBe('true')
    expect(select.getAttribute('aria-describedby')).toBe('kind-error')
    expect(screen.getByText('Pick a kind').id).toBe('kind-error')
  })

  it('is chosen with the keyboard and submits its value with the form', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<KindField onChange={onChange} />)
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Kind' })
    await user.tab()
    expect(document.activeElement).toBe(select)
    await user.selectOptions(select, 'Adjustment')
    expect(onChange).toHaveBeenLastCalledWith('adjustment')
    const form = screen.getByRole<HTMLFormElement>('form', { name: 'Points' })
    expect(new FormData(form).get('kind')).toBe('adjustment')
  })

  it('takes a Label with htmlFor, disabled, and option groups; the chevron is hidden', () => {
    render(
      <>
        <Label htmlFor="role">Role for Marco</Label>
        <NativeSelect id="role" size="sm" disabled defaultValue="office">
          <NativeSelectOptGroup label="Roles">
            <NativeSelectOption value="office">office</NativeSelectOption>
            <NativeSelectOption value="technician">technician</NativeSelectOption>
          </NativeSelectOptGroup>
        </NativeSelect>
      </>,
    )
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role for Marco' })
    expect(select.disabled).toBe(true)
    expect(select.value).toBe('office')
    expect(select.dataset.size).toBe('sm')
    // As wide as its longest option, also in a table cell (a percentage width would collapse there).
    expect(select.className.split(' ')).toContain('w-auto')
    expect(select.className.split(' ')).not.toContain('w-full')
    expect(screen.getByRole('group', { name: 'Roles' })).toBeTruthy()
    const icon = select.parentElement?.querySelector('[data-slot="native-select-icon"]')
    expect(icon?.getAttribute('aria-hidden')).toBe('true')
  })

  it('renders on the server (no client-only code)', () => {
    const html = renderToStaticMarkup(
      <NativeSelect name="x" className="capitalize">
        <NativeSelectOption value="a">A</NativeSelectOption>
      </NativeSelect>,
    )
    expect(html).toContain('<select')
    expect(html).toContain('capitalize')
  })
})
