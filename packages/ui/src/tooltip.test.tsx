import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Tooltip, TooltipContent, TooltipTrigger } from './tooltip.tsx'

describe('Tooltip', () => {
  it('shows on keyboard focus, describes its trigger, and Escape hides it', async () => {
    const user = userEvent.setup()
    render(
      <Tooltip delayDuration={0}>
        <TooltipTrigger>Paid</TooltipTrigger>
        <TooltipContent>Paid by card on Mar 3</TooltipContent>
      </Tooltip>,
    )
    const trigger = screen.getByRole('button', { name: 'Paid' })
    expect(screen.queryByRole('tooltip')).toBeNull()
    await user.tab()
    expect(document.activeElement).toBe(trigger)
    const tooltip = await screen.findByRole('tooltip')
    expect(tooltip.textContent).toBe('Paid by card on Mar 3')
    expect(trigger.getAttribute('aria-describedby')).toBe(tooltip.id)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('tooltip')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })
})
