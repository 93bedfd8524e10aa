import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Checkbox } from './checkbox.tsx'
import { Label } from './label.tsx'
import { Switch } from './switch.tsx'

describe('Checkbox', () => {
  it('is a labelled checkbox that Space and a click on the label toggle', async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(
      <>
        <Checkbox id="sms" onCheckedChange={onCheckedChange} />
        <Label htmlFor="sms">Text me reminders</Label>
      </>,
    )
    const box = screen.getByRole('checkbox', { name: 'Text me reminders' })
    expect(box.getAttribute('aria-checked')).toBe('false')
    box.focus()
    await user.keyboard(' ')
    expect(box.getAttribute('aria-checked')).toBe('true')
    expect(onCheckedChange).toHaveBeenLastCalledWith(true)
    await user.click(screen.getByText('Text me reminders'))
    expect(box.getAttribute('aria-checked')).toBe('false')
  })

  it('when disabled does not toggle; inside a form it submits under its name', async () => {
    const user = userEvent.setup()
    render(
      <form aria-label="Preferences">
        <Checkbox aria-label="Email" name="email" defaultChecked />
        <Checkbox aria-label="Post" name="post" disabled />
      </form>,
    )
    const post = screen.getByRole('checkbox', { name: 'Post' })
    await user.click(post)
    expect(post.getAttribute('aria-checked')).toBe('false')
    const form = screen.getByRole('form', { name: 'Preferences' }) as HTMLFormElement
    expect(new FormData(form).get('email')).toBe('on')
    expect(new FormData(form).has('post')).toBe(false)
  })
})

describe('Switch', () => {
  it('is a labelled switch whose aria-checked follows clicks and the keyboard', async () => {
    const user = userEvent.setup()
    render(
      <>
        <Switch id="live" defaultChecked />
        <Label htmlFor="live">Live updates</Label>
      </>,
    )
    const toggle = screen.getByRole('switch', { name: 'Live updates' })
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    await user.click(toggle)
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    await user.keyboard(' ')
    expect(toggle.getAttribute('aria-checked')).toBe('true')
  })
})
