import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from './card.tsx'

describe('Card', () => {
  it('the title shorthand names the card region and puts the action beside it', () => {
    render(
      <Card aria-labelledby="status-heading">
        <CardHeader
          id="status-heading"
          title="Status"
          action={<button type="button">Edit</button>}
        />
        <p>Confirmed</p>
      </Card>,
    )
    const region = screen.getByRole('region', { name: 'Status' })
    expect(region.tagName).toBe('SECTION')
    expect(screen.getByRole('heading', { level: 2, name: 'Status' }).id).toBe('status-heading')
    expect(screen.getByRole('button', { name: 'Edit' }).parentElement?.dataset.slot).toBe(
      'card-action',
    )
  })

  it('composes from parts, the id staying on the header when there is no shorthand', () => {
    render(
      <Card aria-labelledby="due-heading">
        <CardHeader id="header">
          <CardTitle id="due-heading">Amount due</CardTitle>
          <CardAction>
            <a href="/invoices">All invoices</a>
          </CardAction>
        </CardHeader>
        <CardContent>
          <CardDescription>Two invoices</CardDescription>
        </CardContent>
      </Card>,
    )
    expect(screen.getByRole('region', { name: 'Amount due' })).toBeTruthy()
    expect(document.getElementById('header')?.dataset.slot).toBe('card-header')
    expect(screen.getByText('Two invoices').dataset.slot).toBe('card-description')
  })
})
