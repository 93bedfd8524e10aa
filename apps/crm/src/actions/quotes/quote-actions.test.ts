// The quote actions inside the app with the session and repositories replaced: who may write
// quotes, that the same form submitted twice makes one quote, and what a refusal says.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const repositories = vi.hoisted(() => ({
  getCustomer: vi.fn(),
  getQuote: vi.fn(),
  createQuote: vi.fn(),
  updateQuote: vi.fn(),
  setQuoteStatus: vi.fn(),
  deleteQuote: vi.fn(),
  listServices: vi.fn(),
  convertQuoteToJob: vi.fn(),
  convertQuoteToInvoice: vi.fn(),
}))
const session = vi.hoisted(() => ({ role: 'office' as string }))

vi.mock('server-only', () => ({}))
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }))
vi.mock('@repo/database/repositories', () => repositories)
vi.mock('@/lib/staff-context.ts', () => ({
  findStaffContext: vi.fn(async () => ({
    supabase: { user: true },
    userId: 'user-1',
    staff: { id: 'staff-1', organization_id: 'org-1', role: session.role, full_name: 'Test Staff' },
    organization: { id: '10000000-0000-4000-8000-000000000001', name: 'Dirt Free', timezone: 'America/Chicago', currency: 'USD' },
  })),
}))

const { createQuoteAction, updateQuoteAction, convertQuoteToInvoiceAction, sendQuoteAction } = await import('./quote-actions.ts')

const quoteId = '6f1c1e7e-2a55-4b7a-9a4e-1f7f3d2c9b10'
const customerId = '30000000-0000-4000-8000-000000000001'
const notFound = () => Object.assign(new Error('quote was not found'), { code: 'not_found' })
const input = {
  quoteId,
  customerId,
  title: 'Refresh',
  validUntil: '',
  depositKind: 'none' as const,
  notes: '',
  terms: '',
  lines: [{ description: 'Carpet', quantity: 1, unitPriceCents: 14_900, taxable: true, taxRateBps: 825 }],
}
const saved = { id: quoteId, number: 'Q-1003', status: 'draft', version: 1, customer_id: customerId, updated_at: 'u1', valid_until: null }

beforeEach(() => {
  for (const fn of Object.values(repositories)) fn.mockReset()
  session.role = 'office'
  repositories.getCustomer.mockResolvedValue({ id: customerId })
  repositories.getQuote.mockRejectedValue(notFound())
  repositories.createQuote.mockResolvedValue(saved)
  repositories.setQuoteStatus.mockImplementation(async () => ({ ...saved, status: 'sent' }))
  repositories.listServices.mockResolvedValue([])
})

describe('quote actions', () => {
  it('technicians read quotes but may not write them', async () => {
    session.role = 'technician'
    expect(await createQuoteAction(input)).toMatchObject({ ok: false, error: /role does not allow/ })
    expect(await sendQuoteAction({ quoteId })).toMatchObject({ ok: false, error: /role does not allow/ })
    expect(repositories.createQuote).not.toHaveBeenCalled()
  })

  it('saves a new quote under the id the form chose, and sends it when asked', async () => {
    expect(await createQuoteAction({ ...input, send: true })).toEqual({
      ok: true,
      data: { id: quoteId, number: 'Q-1003', status: 'sent', version: 1, customer_id: customerId },
    })
    const [, row, lines] = repositories.createQuote.mock.calls[0] ?? []
    expect(row).toMatchObject({ id: quoteId, customer_id: customerId, title: 'Refresh', valid_until: null, deposit_percent: null })
    expect(lines).toEqual([
      expect.objectContaining({ unit_price_cents: 14_900, taxable: true, tax_rate_bps: 825, option_group: null, optional: false, selected: true }),
    ])
  })

  it('the same form submitted again returns the quote it made instead of a second one', async () => {
    repositories.getQuote.mockResolvedValue(saved)
    expect(await createQuoteAction(input)).toMatchObject({ ok: true, data: { id: quoteId } })
    expect(repositories.createQuote).not.toHaveBeenCalled()
    // Two submits at once: the second insert meets the first one's id.
    repositories.getQuote.mockReset()
    repositories.getQuote.mockRejectedValueOnce(notFound()).mockResolvedValueOnce(saved)
    repositories.createQuote.mockRejectedValue({ code: '23505', message: 'duplicate key value violates unique constraint "quotes_pkey"' })
    expect(await createQuoteAction(input)).toMatchObject({ ok: true, data: { id: quoteId } })
  })

  it('refuses a valid-until day in the past, and a stale or closed quote', async () => {
    expect(await createQuoteAction({ ...input, validUntil: '2020-01-01' })).toMatchObject({
      ok: false,
      fieldErrors: { validUntil: ['Pick a day from today on (or leave it empty).'] },
    })
    repositories.getQuote.mockResolvedValue({ ...saved, status: 'sent', version: 3 })
    const { customerId: _c, ...fields } = input
    expect(await updateQuoteAction({ ...fields, version: 2, updatedAt: 'u1' })).toMatchObject({ ok: false, error: /changed since you opened it/ })
    repositories.getQuote.mockResolvedValue({ ...saved, status: 'approved' })
    expect(await updateQuoteAction({ ...fields, version: 1, updatedAt: 'u1' })).toMatchObject({ ok: false, error: 'Quote Q-1003 is approved and can no longer be changed.' })
    expect(repositories.updateQuote).not.toHaveBeenCalled()
  })

  it('an invoice made twice is refused in words, without SQL', async () => {
    repositories.convertQuoteToInvoice.mockRejectedValue({ code: '23505', message: 'This quote already has an invoice' })
    expect(await convertQuoteToInvoiceAction({ quoteId })).toEqual({ ok: false, error: 'This quote already has an invoice.' })
  })
})
