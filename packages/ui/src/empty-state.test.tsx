import { render, screen } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { EmptyState } from './empty-state.tsx'
import { SignOutForm } from './sign-out-form.tsx'
import { Skeleton } from './skeleton.tsx'

describe('EmptyState', () => {
  it('says what is missing, hides the decorative icon and offers the next step', () => {
    render(
      <EmptyState
        title="No invoices yet"
        icon={<svg data-testid="icon" />}
        action={<a href="/new">Create one</a>}
      >
        Invoices appear here as soon as we send them.
      </EmptyState>,
    )
    expect(screen.getByText('No invoices yet')).toBeTruthy()
    expect(screen.getByText('Invoices appear here as soon as we send them.')).toBeTruthy()
    expect(screen.getByTestId('icon').parentElement?.getAttribute('aria-hidden')).toBe('true')
    expect(screen.getByRole('link', { name: 'Create one' })).toBeTruthy()
  })

  it('keeps the title-only form', () => {
    const html = renderToStaticMarkup(<EmptyState title="No rewards available right now" />)
    expect(html).toContain('No rewards available right now')
    expect(html).not.toContain('aria-hidden')
  })
})

describe('Skeleton', () => {
  it('is hidden from screen readers and takes the caller size', () => {
    const { container } = render(<Skeleton className="h-8 w-48" />)
    const block = container.firstElementChild as HTMLElement
    expect(block.getAttribute('aria-hidden')).toBe('true')
    expect(block.className).toContain('h-8 w-48')
  })
})

describe('SignOutForm', () => {
  it('is a form with one submit button, usable without JavaScript', () => {
    const html = renderToStaticMarkup(<SignOutForm action={async () => {}} />)
    expect(html.match(/<button[^>]*>/)?.[0]).toContain('type="submit"')
    render(<SignOutForm action={async () => {}} />)
    expect(screen.getByRole('button', { name: 'Sign out' }).closest('form')).not.toBeNull()
  })
})
