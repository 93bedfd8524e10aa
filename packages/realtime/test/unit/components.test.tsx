import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useEffect } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectionStatus, OFFLINE_DESCRIPTION } from '../../src/components/connection-status.tsx'
import type { Client, RealtimeStatus } from '../../src/core/types.ts'
import { OFFLINE_AFTER_MS } from '../../src/hooks/use-connection-status.ts'
import { RealtimeProvider, useRealtimeContext } from '../../src/hooks/realtime-provider.tsx'
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

describe('ConnectionStatus gives up waiting', () => {
  function fakeClient() {
    const realtime = { connect: vi.fn(), disconnect: vi.fn(async () => 'ok'), accessTokenValue: null }
    const client = {
      realtime,
      auth: { onAuthStateChange: () => ({ data: { subscription: { unsubscribe: () => undefined } } }) },
    }
    return { client: client as unknown as Client, realtime }
  }

  function Trying({ status }: { status: RealtimeStatus }) {
    const store = useRealtimeContext()?.statusStore
    useEffect(() => store?.set('jobs', status, 'Appointments'), [store, status])
    return <ConnectionStatus variant="badge" />
  }

  afterEach(() => {
    vi.useRealTimers()
  })

  it(`says the page is not live after ${OFFLINE_AFTER_MS / 1000} s of trying, and Retry reconnects and starts over`, async () => {
    vi.useFakeTimers()
    const { client, realtime } = fakeClient()
    render(
      <RealtimeProvider client={client}>
        <Trying status="connecting" />
      </RealtimeProvider>,
    )
    const status = () => screen.getByRole('status')
    expect(status().textContent).toContain('Connecting…')
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()

    act(() => vi.advanceTimersByTime(OFFLINE_AFTER_MS - 1000))
    expect(status().getAttribute('data-offline')).toBeNull()
    act(() => vi.advanceTimersByTime(1000))
    expect(status().getAttribute('data-offline')).toBe('true')
    expect(status().textContent).toBe(`Offline${OFFLINE_DESCRIPTION}`)
    // Tests waiting for "connected" still see the real status.
    expect(status().getAttribute('data-live-status')).toBe('connecting')

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await act(async () => undefined)
    expect(realtime.disconnect).toHaveBeenCalledOnce()
    expect(realtime.connect).toHaveBeenCalledOnce()
    expect(realtime.disconnect.mock.invocationCallOrder[0]).toBeLessThan(realtime.connect.mock.invocationCallOrder[0] as number)
    expect(status().textContent).toContain('Connecting…')
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    act(() => vi.advanceTimersByTime(OFFLINE_AFTER_MS))
    expect(status().getAttribute('data-offline')).toBe('true')
  })

  it('never gives up while live, and counts from the moment the connection was lost', () => {
    vi.useFakeTimers()
    const { client } = fakeClient()
    const { rerender } = render(
      <RealtimeProvider client={client}>
        <Trying status="connected" />
      </RealtimeProvider>,
    )
    act(() => vi.advanceTimersByTime(OFFLINE_AFTER_MS * 3))
    expect(screen.getByRole('status').textContent).toContain('Live')
    rerender(
      <RealtimeProvider client={client}>
        <Trying status="reconnecting" />
      </RealtimeProvider>,
    )
    act(() => vi.advanceTimersByTime(OFFLINE_AFTER_MS - 1000))
    expect(screen.getByRole('status').textContent).toContain('Reconnecting…')
    act(() => vi.advanceTimersByTime(1000))
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('an explicit status is shown as given, without giving up', () => {
    vi.useFakeTimers()
    render(<ConnectionStatus status="connecting" />)
    act(() => vi.advanceTimersByTime(OFFLINE_AFTER_MS * 2))
    expect(screen.getByRole('status').textContent).toContain('Connecting…')
  })
})
