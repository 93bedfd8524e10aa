import { describe, expect, it } from 'vitest'
import { parseInput } from '@repo/actions/server'
import { customerUpdateSchema } from './customers/schema.ts'
import { invoiceActionSchema, invoiceCreateSchema } from './invoices/schema.ts'
import { jobRescheduleSchema, jobScheduleSchema, jobStatusSchema } from './jobs/schema.ts'
import { loyaltyAwardSchema } from './loyalty/schema.ts'
import { messageSendSchema } from './messages/schema.ts'
import { signInSchema } from './auth/schema.ts'
import { staffUpdateSchema } from './staff/schema.ts'
import { brandSchema, notificationSettingsSchema } from './business/schema.ts'

const id = '6f1c1e7e-2a55-4b7a-9a4e-1f7f3d2c9b10'
const seededId = '00000000-0000-0000-0000-000000000101'

describe('customer update', () => {
  const valid = {
    id,
    expectedUpdatedAt: '2026-11-20T10:00:00.000Z',
    first_name: ' Alice ',
    last_name: 'Nguyen',
    email: 'ALICE@Example.com ',
    phone: '',
    address_line1: '12 Elm St',
    city: '',
  }

  it('trims, lower-cases the email and turns empty optional fields into null', () => {
    const r = parseInput(customerUpdateSchema, valid)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.first_name).toBe('Alice')
    expect(r.data.email).toBe('alice@example.com')
    expect(r.data.phone).toBeNull()
    expect(r.data.city).toBeNull()
    expect(r.data.region).toBeNull()
    expect(r.data.force).toBe(false)
  })

  it('accepts the exact updated_at PostgREST returns (microseconds, +00:00)', () => {
    const r = parseInput(customerUpdateSchema, {
      ...valid,
      expectedUpdatedAt: '2026-11-22T00:35:12.123456+00:00',
    })
    expect(r.ok).toBe(true)
  })

  it('accepts seeded ids that are not RFC-versioned', () => {
    expect(parseInput(customerUpdateSchema, { ...valid, id: seededId }).ok).toBe(true)
  })

  it('reports each bad field by name', () => {
    const r = parseInput(customerUpdateSchema, {
      ...valid,
      id: 'nope',
      first_name: '  ',
      email: 'not-an-email',
      phone: 'abc',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fieldErrors.id).toEqual(['Customer is not a valid id'])
    expect(r.fieldErrors.first_name).toEqual(['First name is required'])
    expect(r.fieldErrors.email).toEqual(['Enter a valid email address'])
    expect(r.fieldErrors.phone).toEqual(['Enter a valid phone number'])
  })

  it('requires the last-seen version so a stale write can be detected', () => {
    const { expectedUpdatedAt: _omit, ...rest } = valid
    const r = parseInput(customerUpdateSchema, rest)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.fieldErrors)).toContain('expectedUpdatedAt')
  })
})

describe('job scheduling', () => {
  const valid = {
    customerId: id,
    title: 'Deep clean, living room',
    scheduledStart: '2026-11-24T09:00:00-05:00',
    scheduledEnd: '2026-11-24T11:00:00-05:00',
    priceCents: 18900,
  }

  it('accepts a valid job and defaults the optional links to null', () => {
    const r = parseInput(jobScheduleSchema, valid)
    expect(r).toMatchObject({
      ok: true,
      data: { serviceId: null, technicianId: null, address: null },
    })
  })

  it('rejects an end before (or equal to) the start on the end field', () => {
    for (const scheduledEnd of ['2026-11-24T08:00:00-05:00', valid.scheduledStart]) {
      const r = parseInput(jobScheduleSchema, { ...valid, scheduledEnd })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.fieldErrors.scheduledEnd).toEqual(['End must be after the start'])
    }
  })

  it('compares instants, not strings, across offsets', () => {
    // 09:00-05:00 is 14:00Z, so 13:30Z is before it even though it sorts after as text.
    const r = parseInput(jobRescheduleSchema, {
      jobId: id,
      scheduledStart: '2026-11-24T09:00:00-05:00',
      scheduledEnd: '2026-11-24T13:30:00Z',
    })
    expect(r.ok).toBe(false)
  })

  it('rejects negative and fractional prices and bad dates', () => {
    const r = parseInput(jobScheduleSchema, {
      ...valid,
      priceCents: -1,
      scheduledStart: 'tomorrow',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fieldErrors.priceCents).toEqual(['Price cannot be negative'])
    expect(r.fieldErrors.scheduledStart).toEqual(['Start must be a valid date and time'])
    const frac = parseInput(jobScheduleSchema, { ...valid, priceCents: 10.5 })
    expect(frac.ok ? [] : frac.fieldErrors.priceCents).toEqual(['Price must be whole cents'])
  })

  it('needs a reason to cancel and refuses unknown statuses', () => {
    const noReason = parseInput(jobStatusSchema, { jobId: id, status: 'cancelled', reason: ' ' })
    expect(noReason.ok ? [] : noReason.fieldErrors.reason).toEqual(['Give a reason for cancelling'])
    const unknown = parseInput(jobStatusSchema, { jobId: id, status: 'teleported' })
    expect(unknown.ok ? [] : unknown.fieldErrors.status).toEqual(['Unknown job status'])
    expect(parseInput(jobStatusSchema, { jobId: id, status: 'en_route' }).ok).toBe(true)
  })
})

describe('invoices', () => {
  const valid = {
    customerId: id,
    jobId: id,
    number: 'INV-1042',
    dueAt: '2026-12-01T00:00:00Z',
    lineItems: [{ description: 'Carpet cleaning, 3 rooms', quantity: 3, unitPriceCents: 4500 }],
  }

  it('accepts a valid invoice; a line is untaxed free text unless it says otherwise', () => {
    const r = parseInput(invoiceCreateSchema, valid)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.lineItems[0]).toMatchObject({ serviceId: null, taxable: false, taxRateBps: 0 })
    const fromCatalog = parseInput(invoiceCreateSchema, {
      ...valid,
      lineItems: [{ ...valid.lineItems[0], serviceId: id, taxable: true, taxRateBps: 825 }],
    })
    expect(fromCatalog.ok && fromCatalog.data.lineItems[0]).toMatchObject({
      serviceId: id,
      taxable: true,
      taxRateBps: 825,
    })
  })

  it('refuses a tax rate outside 0–100 % and a service that is not an id', () => {
    const r = parseInput(invoiceCreateSchema, {
      ...valid,
      lineItems: [
        { ...valid.lineItems[0], serviceId: 'carpet', taxable: true, taxRateBps: 10_001 },
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fieldErrors['lineItems.0.serviceId']).toEqual(['Service is not a valid id'])
    expect(r.fieldErrors['lineItems.0.taxRateBps']).toEqual(['A tax rate is at most 100%'])
  })

  it('points at the exact bad line item field', () => {
    const r = parseInput(invoiceCreateSchema, {
      ...valid,
      lineItems: [...valid.lineItems, { description: '', quantity: 0, unitPriceCents: -500 }],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fieldErrors['lineItems.1.description']).toEqual(['Describe the line item'])
    expect(r.fieldErrors['lineItems.1.quantity']).toEqual(['Quantity must be at least 1'])
    expect(r.fieldErrors['lineItems.1.unitPriceCents']).toEqual(['Unit price cannot be negative'])
    expect(r.fieldErrors['lineItems.0.description']).toBeUndefined()
  })

  it('needs at least one line item and a sane number; the tax is not staff’s to type', () => {
    const r = parseInput(invoiceCreateSchema, {
      ...valid,
      lineItems: [],
      number: 'INV 7!',
      taxCents: 123,
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fieldErrors.lineItems).toEqual(['Add at least one line item'])
    expect(r.fieldErrors.number).toEqual(['Use letters, digits, dashes or slashes'])
    const ok = parseInput(invoiceCreateSchema, { ...valid, taxCents: 123 })
    expect(ok.ok && 'taxCents' in ok.data).toBe(false)
    // Blank: left to the database, which gives the next free number.
    const blank = parseInput(invoiceCreateSchema, { ...valid, number: '  ' })
    expect(blank.ok && blank.data.number).toBe(undefined)
  })

  it('knows only send, mark paid and void', () => {
    expect(parseInput(invoiceActionSchema, { invoiceId: id, action: 'send' }).ok).toBe(true)
    expect(parseInput(invoiceActionSchema, { invoiceId: id, action: 'delete' }).ok).toBe(false)
  })
})

describe('messages, loyalty and sign-in', () => {
  it('refuses blank messages', () => {
    const r = parseInput(messageSendSchema, { customerId: id, body: '   \n ' })
    expect(r.ok ? [] : r.fieldErrors.body).toEqual(['Write a message first'])
    expect(parseInput(messageSendSchema, { customerId: id, body: 'See you at 9' }).ok).toBe(true)
  })

  it('keeps awards positive and adjustments explained', () => {
    const negativeBonus = parseInput(loyaltyAwardSchema, {
      customerId: id,
      kind: 'bonus',
      points: -5,
    })
    expect(negativeBonus.ok ? [] : negativeBonus.fieldErrors.points).toEqual([
      'Awards and bonuses must be positive; use an adjustment',
    ])
    const silentAdjust = parseInput(loyaltyAwardSchema, {
      customerId: id,
      kind: 'adjustment',
      points: -20,
    })
    expect(silentAdjust.ok ? [] : silentAdjust.fieldErrors.description).toEqual([
      'An adjustment needs a reason',
    ])
    const zero = parseInput(loyaltyAwardSchema, { customerId: id, kind: 'earned', points: 0 })
    expect(zero.ok ? [] : zero.fieldErrors.points).toEqual(['Points cannot be zero'])
    expect(
      parseInput(loyaltyAwardSchema, {
        customerId: id,
        kind: 'adjustment',
        points: -20,
        description: 'Duplicate award',
      }).ok,
    ).toBe(true)
  })

  it('normalises the sign-in email', () => {
    const r = parseInput(signInSchema, { email: ' Owner@DirtFree.test ', password: 'password123' })
    expect(r).toEqual({ ok: true, data: { email: 'owner@dirtfree.test', password: 'password123' } })
    expect(parseInput(signInSchema, { email: 'owner', password: '' }).ok).toBe(false)
  })
})

describe('staff', () => {
  it('knows only the four roles and needs an explicit active flag', () => {
    expect(parseInput(staffUpdateSchema, { staffId: id, role: 'admin', active: true }).ok).toBe(
      true,
    )
    const bad = parseInput(staffUpdateSchema, { staffId: id, role: 'superuser', active: 'yes' })
    expect(bad.ok ? {} : bad.fieldErrors).toEqual({
      role: ['Choose owner, admin, office or technician'],
      active: ['Active must be yes or no'],
    })
  })
})

describe('newRewardSchema', () => {
  it('reads "money off" as cents, leaves it out when empty, and refuses what is not an amount', async () => {
    const { newRewardSchema } = await import('./business/schema.ts')
    expect(
      newRewardSchema.parse({ name: '$10 off', pointsCost: '100', creditAmount: '10' })
        .creditAmount,
    ).toBe(1000)
    expect(
      newRewardSchema.parse({ name: 'Free rug', pointsCost: '500', creditAmount: '' }).creditAmount,
    ).toBeNull()
    const bad = newRewardSchema.safeParse({ name: 'x', pointsCost: '1', creditAmount: '-5' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('Enter an amount like 10.00, or leave it empty')
  })
})

describe('customer notification settings', () => {
  const form = {
    notifyByEmail: 'on',
    reminderHoursBefore: '24',
    smsQuietStart: '21:00',
    smsQuietEnd: '08:00',
    unreadMessageNotifyMinutes: '15',
    reviewRequestsEnabled: 'on',
    reviewRequestDelayHours: '2',
    reviewLowRatingThreshold: '3',
  }

  it('reads the review and unread-message settings; an empty public review page is none', () => {
    expect(notificationSettingsSchema.parse({ ...form, publicReviewUrl: '' })).toMatchObject({
      unreadMessageNotifyMinutes: 15,
      reviewRequestsEnabled: true,
      reviewRequestDelayHours: 2,
      reviewLowRatingThreshold: 3,
      publicReviewUrl: null,
    })
    expect(
      notificationSettingsSchema.parse({ ...form, publicReviewUrl: 'https://g.page/r/shine' })
        .publicReviewUrl,
    ).toBe('https://g.page/r/shine')
  })

  it('refuses other kinds of links and out-of-range numbers with words for people', () => {
    const refused = (extra: Record<string, string>) =>
      notificationSettingsSchema.safeParse({ ...form, ...extra }).error?.issues[0]?.message
    expect(refused({ publicReviewUrl: 'javascript:alert(1)' })).toBe(
      'Enter a web address starting with https://',
    )
    expect(refused({ publicReviewUrl: 'ftp://files.example.com' })).toBe(
      'Enter a web address starting with https://',
    )
    expect(refused({ reviewLowRatingThreshold: '6' })).toBe('Low rating: at most 5 stars')
    expect(refused({ unreadMessageNotifyMinutes: '0' })).toBe(
      'Unread message notice: at least 1 minute',
    )
    expect(refused({ reminderHoursBefore: '0' })).toBe('Reminder: at least 1 hour')
    expect(refused({ reminderHoursBefore: '169' })).toBe('Reminder: at most 168 hours')
  })
})

describe('e-mail accent colour', () => {
  it('keeps a dark colour in lower case and refuses one too light for white button text', () => {
    expect(brandSchema.parse({ accentColor: ' #0F766E ' })).toEqual({ accentColor: '#0f766e' })
    expect(brandSchema.safeParse({ accentColor: '#fde047' }).error?.issues[0]?.message).toBe(
      'Too light: white button text on it would be hard to read. Pick a darker colour',
    )
    expect(brandSchema.safeParse({ accentColor: 'teal' }).error?.issues[0]?.message).toBe(
      'Enter a colour like #0f766e',
    )
  })
})
