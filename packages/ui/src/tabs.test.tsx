import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Tabs, TabsContent, TabsList, TabsTrigger } from './tabs.tsx'

function CustomerTabs() {
  return (
    <Tabs defaultValue="jobs">
      <TabsList aria-label="Customer">
        <TabsTrigger value="jobs">Jobs</TabsTrigger>
        <TabsTrigger value="invoices">Invoices</TabsTrigger>
        <TabsTrigger value="messages">Messages</TabsTrigger>
      </TabsList>
      <TabsContent value="jobs">Two upcoming jobs</TabsContent>
      <TabsContent value="invoices">One open invoice</TabsContent>
      <TabsContent value="messages">No messages</TabsContent>
    </Tabs>
  )
}

describe('Tabs', () => {
  it('links each tab to its panel and keeps only the active tab in the tab order', () => {
    render(<CustomerTabs />)
    expect(screen.getByRole('tablist', { name: 'Customer' })).toBeTruthy()
    const jobs = screen.getByRole('tab', { name: 'Jobs' })
    expect(jobs.getAttribute('aria-selected')).toBe('true')
    const panel = screen.getByRole('tabpanel', { name: 'Jobs' })
    expect(jobs.getAttribute('aria-controls')).toBe(panel.id)
    expect(panel.textContent).toBe('Two upcoming jobs')
    expect(screen.getByRole('tab', { name: 'Invoices' }).tabIndex).toBe(-1)
  })

  it('arrow keys move to and show the next tab', async () => {
    const user = userEvent.setup()
    render(<CustomerTabs />)
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Jobs' }))
    await user.keyboard('{ArrowRight}')
    const invoices = screen.getByRole('tab', { name: 'Invoices' })
    expect(document.activeElement).toBe(invoices)
    expect(invoices.getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tabpanel', { name: 'Invoices' }).textContent).toBe('One open invoice')
    await user.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Messages' }).getAttribute('aria-selected')).toBe('true')
  })
})
