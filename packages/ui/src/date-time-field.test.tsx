import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { DateTimeField, DateTimeInput } from './date-time-field.tsx'

function Controlled({ start, timeZone }: { start: string | null; timeZone: string }) {
  const [value, setValue] = useState(start)
  return (
    <form aria-label="Schedule">
      <DateTimeField
        label="Start"
        name="scheduled_start"
        timeZone={timeZone}
        value={value}
        onValueChange={setValue}
      />
      <output aria-label="Instant">{value ?? 'none'}</output>
    </form>
  )
}

const field = () => screen.getByLabelText('Start') as HTMLInputElement
const instant = () => screen.getByRole('status', { name: 'Instant' }).textContent

describe('DateTimeField', () => {
  it('shows the instant as wall-clock time in America/Chicago and names the zone', () => {
    render(<Controlled start="2026-03-08T07:59:00.000Z" timeZone="America/Chicago" />)
    expect(field().type).toBe('datetime-local')
    expect(field().value).toBe('2026-03-08T01:59')
    const described = (field().getAttribute('aria-describedby') ?? '').split(' ')
    expect(described).toEqual(['field-scheduled_start-zone'])
    expect(document.getElementById(described[0] ?? '')?.textContent).toBe(
      'CSTCentral Standard Time',
    )
  })

  it('round-trips across the spring-forward change in America/Chicago, and submits the instant', () => {
    render(<Controlled start="2026-03-08T07:59:00.000Z" timeZone="America/Chicago" />)
    fireEvent.change(field(), { target: { value: '2026-03-08T03:15' } })
    expect(instant()).toBe('2026-03-08T08:15:00.000Z')
    expect(field().value).toBe('2026-03-08T03:15')
    expect(screen.getByText('CDT')).toBeTruthy()
    const form = screen.getByRole('form', { name: 'Schedule' }) as HTMLFormElement
    expect(new FormData(form).get('scheduled_start')).toBe('2026-03-08T08:15:00.000Z')

    // 02:30 does not exist that night: it becomes 03:30, and the field says so.
    fireEvent.change(field(), { target: { value: '2026-03-08T02:30' } })
    expect(instant()).toBe('2026-03-08T08:30:00.000Z')
    expect(field().value).toBe('2026-03-08T03:30')
  })

  it('round-trips in Asia/Tokyo, a day ahead of UTC in the morning', () => {
    render(<Controlled start="2026-11-01T06:30:00.000Z" timeZone="Asia/Tokyo" />)
    expect(field().value).toBe('2026-11-01T15:30')
    fireEvent.change(field(), { target: { value: '2026-11-02T08:00' } })
    expect(instant()).toBe('2026-11-01T23:00:00.000Z')
    expect(field().value).toBe('2026-11-02T08:00')
  })

  it('clearing gives null and submits an empty value; an error is linked and marks the field invalid', () => {
    const { rerender } = render(
      <Controlled start="2026-07-01T17:00:00.000Z" timeZone="America/Chicago" />,
    )
    fireEvent.change(field(), { target: { value: '' } })
    expect(instant()).toBe('none')
    const form = screen.getByRole('form', { name: 'Schedule' }) as HTMLFormElement
    expect(new FormData(form).get('scheduled_start')).toBe('')

    rerender(
      <DateTimeField
        label="Start"
        id="start"
        timeZone="America/Chicago"
        value={null}
        onValueChange={() => {}}
        error="Pick a time"
      />,
    )
    const input = screen.getByLabelText('Start')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toBe('start-zone start-error')
    expect(screen.getByText('CT')).toBeTruthy()
  })
})

describe('DateTimeInput', () => {
  it('converts min and max to the zone and reports each change as an instant', () => {
    const onValueChange = vi.fn()
    render(
      <DateTimeInput
        aria-label="Start"
        timeZone="Asia/Tokyo"
        value={null}
        onValueChange={onValueChange}
        min="2026-03-08T14:00:00Z"
        max="2026-03-31T14:59:00Z"
      />,
    )
    const input = screen.getByLabelText('Start') as HTMLInputElement
    expect(input.min).toBe('2026-03-08T23:00')
    expect(input.max).toBe('2026-03-31T23:59')
    fireEvent.change(input, { target: { value: '2026-03-10T09:00' } })
    expect(onValueChange).toHaveBeenLastCalledWith('2026-03-10T00:00:00.000Z')
  })
})
