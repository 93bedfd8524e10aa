import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Button } from './button.tsx'

describe('Button', () => {
  it('is a type="button" with its variant and size classes', () => {
    render(
      <Button variant="danger" size="sm">
        Delete
      </Button>,
    )
    const button = screen.getByRole('button', { name: 'Delete' })
    expect(button).toHaveProperty('type', 'button')
    expect(button.dataset.slot).toBe('button')
    expect(button.className).toContain('bg-red-700')
    expect(button.className).toContain('min-h-9')
    expect(button.className).toContain('pointer-coarse:min-h-11')
  })

  it('is at least 44 px tall by default and lets className override a default', () => {
    render(<Button className="w-full px-2">Save</Button>)
    const { className } = screen.getByRole('button', { name: 'Save' })
    expect(className).toContain('min-h-11')
    expect(className).toContain('px-2')
    expect(className).not.toContain('px-4')
    expect(className).toContain('w-full')
  })

  it('while pending shows a hidden spinner, is aria-busy and ignores clicks', async () => {
    const onClick = vi.fn()
    render(
      <Button pending onClick={onClick}>
        Save
      </Button>,
    )
    const button = screen.getByRole('button', { name: 'Save' })
    expect(button.getAttribute('aria-busy')).toBe('true')
    expect(button).toHaveProperty('disabled', true)
    expect(button.querySelector('[data-slot="spinner"]')?.getAttribute('aria-hidden')).toBe('true')
    await userEvent.click(button)
    expect(onClick).not.toHaveBeenCalled()
  })

  it('when disabled ignores clicks; when enabled submits its form once per click', async () => {
    const onSubmit = vi.fn((event: SubmitEvent) => event.preventDefault())
    const { rerender } = render(
      <form onSubmit={(e) => onSubmit(e.nativeEvent as SubmitEvent)}>
        <Button type="submit" disabled>
          Send
        </Button>
      </form>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(onSubmit).not.toHaveBeenCalled()
    rerender(
      <form onSubmit={(e) => onSubmit(e.nativeEvent as SubmitEvent)}>
        <Button type="submit">Send</Button>
      </form>,
    )
    const button = screen.getByRole('button', { name: 'Send' })
    expect(button.getAttribute('aria-busy')).toBeNull()
    await userEvent.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })

  it('asChild renders the child element (a link) with the button look', () => {
    render(
      <Button asChild variant="secondary">
        <a href="/jobs/new">New job</a>
      </Button>,
    )
    const link = screen.getByRole('link', { name: 'New job' })
    expect(link.getAttribute('href')).toBe('/jobs/new')
    expect(link.dataset.slot).toBe('button')
    expect(link.className).toContain('border-slate-300')
    expect(link.hasAttribute('type')).toBe(false)
    expect(link.hasAttribute('aria-disabled')).toBe(false)
  })

  it('asChild and pending: the link is aria-disabled, aria-busy and out of the tab order', () => {
    render(
      <Button asChild pending>
        <a href="/invoices/1/pay">Pay</a>
      </Button>,
    )
    const link = screen.getByRole('link', { name: 'Pay' })
    expect(link.getAttribute('aria-disabled')).toBe('true')
    expect(link.getAttribute('aria-busy')).toBe('true')
    expect(link.tabIndex).toBe(-1)
    expect(link.className).toContain('aria-disabled:pointer-events-none')
    expect(link.querySelector('[data-slot="spinner"]')).not.toBeNull()
  })
})
