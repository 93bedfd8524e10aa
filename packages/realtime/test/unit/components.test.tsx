import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectionStatus } from '../../src/components/connection-status.tsx'
import { MultiSubscriptionStatus } from '../../src/components/multi-subscription-status.tsx'
import { RealtimeNotification } from '../../src/components/realtime-notification.tsx'

afterEach(cleanup)

describe('ConnectionStatus', () => {
  it.each([
    ['connected', 'Live updates are on', 'Live'],
    ['connecting', 'Connecting to live updates', 'Connecting…'],
    ['reconnecting', 'Connection lost, reconnecting to live updates', 'Reconnecting…'],
    ['disconnected', 'Live updates are off', 'Offline'],
  ] as const)('announces %s to screen readers and shows a label', (status, spoken, label) => {
    render(<ConnectionStatus status={status} />)
    const region = screen.getByRole('status')
    expect(region).toHaveProperty('textContent', `${label}${spoken}`)
    expect(region.getAttribute('data-status')).toBe(status)
    expect(region.getAttribute('data-live-status')).toBe(status)
    expect(region.getAttribute('aria-live')).toBe('polite')
  })

  it('hides the visible label but keeps the spoken text when showLabel is false', () => {
    render(<ConnectionStatus status="connected" showLabel={false} />)
    expect(screen.getByRole('status').textContent).toBe('Live updates are on')
  })

  it('styles the badge variant as a pill and the compact one smaller', () => {
    const { rerender } = render(<ConnectionStatus status="reconnecting" variant="badge" />)
    expect(screen.getByRole('status').className).toContain('rounded-full')
    expect(screen.getByRole('status').className).toContain('bg-amber-50')
    rerender(<ConnectionStatus status="connected" variant="compact" />)
    expect(screen.getByRole('status').className).toContain('text-xs')
    expect(screen.getByRole('status').className).not.toContain('rounded-full')
  })

  it('falls back to the overall status (disconnected without a provider)', () => {
    render(<ConnectionStatus />)
    expect(screen.getByRole('status').getAttribute('data-status')).toBe('disconnected')
  })
})

describe('RealtimeNotification', () => {
  it('shows type, title and message and runs the action', () => {
    const onClick = vi.fn()
    render(
      <RealtimeNotification
        type="invoice"
        title="Payment received"
        message="Invoice 1001 is paid"
        action={{ label: 'View', onClick }}
      />,
    )
    const notice = screen.getByRole('status')
    expect(notice.textContent).toContain('Invoice')
    expect(notice.textContent).toContain('Payment received')
    expect(notice.textContent).toContain('Invoice 1001 is paid')
    expect(notice.getAttribute('data-type')).toBe('invoice')
    fireEvent.click(screen.getByRole('button', { name: 'View' }))
    expect(onClick).toHaveBeenCalledOnce()
  })

  it.each(['job', 'invoice', 'message', 'loyalty', 'info'] as const)(
    'renders the %s type with its own accent',
    (type) => {
      render(<RealtimeNotification type={type} title="Hello" />)
      expect(screen.getByRole('status').className).toMatch(
        /border-l-(sky|violet|emerald|amber|gray)-/,
      )
    },
  )

  it('offers a labelled dismiss button only when it can be dismissed', () => {
    const onDismiss = vi.fn()
    const { rerender } = render(<RealtimeNotification type="info" title="Hello" />)
    expect(screen.queryByRole('button')).toBeNull()
    rerender(<RealtimeNotification type="info" title="Hello" onDismiss={onDismiss} />)
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }))
    expect(onDismiss).toHaveBeenCalledOnce()
  })
})

describe('MultiSubscriptionStatus', () => {
  it('lists each subscription with its own status', () => {
    render(
      <MultiSubscriptionStatus
        subscriptions={[
          { label: 'Appointments', status: 'connected' },
          { label: 'Messages', status: 'reconnecting' },
        ]}
      />,
    )
    const items = screen.getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]?.textContent).toContain('Appointments')
    expect(items[0]?.querySelector('[data-status]')?.getAttribute('data-status')).toBe('connected')
    expect(items[1]?.querySelector('[data-status]')?.getAttribute('data-status')).toBe(
      'reconnecting',
    )
  })

  it('says so when nothing is subscribed', () => {
    render(<MultiSubscriptionStatus subscriptions={[]} />)
    expect(screen.getByText('No live subscriptions')).toBeTruthy()
  })
})
