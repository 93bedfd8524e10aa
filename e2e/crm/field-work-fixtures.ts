import { randomUUID } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { openedContexts } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect } from './crm-fixtures.ts'

// The field-work stories' cast: Tom the technician on a 375 px phone, a customer of the run's own
// with a house that has coordinates, and points on Tom's way there.

export const tom = { id: demo.staff.techId, name: 'Tom Becker' }
export const carpetCleaning = {
  id: '40000000-0000-4000-8000-000000000001',
  firstStep: 'Walk the rooms with the customer',
}
export const petTreatment = {
  id: '40000000-0000-4000-8000-000000000003',
  name: 'Pet stain & odor treatment',
}
export const phone = { width: 375, height: 812 }
export const house = { latitude: 30.2545, longitude: -97.7794 }
export const farAway = { latitude: 30.2672, longitude: -97.7431 }
export const closer = { latitude: 30.2585, longitude: -97.77 }
export const nearly = { latitude: 30.2556, longitude: -97.7765 }

function client(): SupabaseClient {
  return createClient(e2eEnv.supabaseUrl, e2eEnv.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  })
}

export async function signedIn(email: string, password: string): Promise<SupabaseClient> {
  const c = client()
  const { error } = await c.auth.signInWithPassword({ email, password })
  if (error) throw error
  return c
}

/**
 * Fern, a customer of the run's own with a portal login and a house with coordinates (plus any
 * other property details, e.g. access notes). Returns the office's client, still signed in.
 */
export async function setUpFieldCustomer(tag: string, property: Record<string, unknown> = {}) {
  const office = await signedIn(demo.staff.office, demo.password)
  const admin = createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, {
    auth: { persistSession: false },
  })
  const email = `fern-${tag}@example.com`
  const password = `fern-${randomUUID()}`
  const user = await admin.auth.admin.createUser({ email, password, email_confirm: true })
  if (user.error) throw user.error
  const customer = await office
    .from('customers')
    .insert({
      organization_id: demo.organizationId,
      first_name: 'Fern',
      last_name: `Field ${tag}`,
      email,
      phone: '(512) 555-0199',
      address_line1: '1300 Barton Springs Rd',
      city: 'Austin',
      region: 'TX',
      postal_code: '78704',
    })
    .select('id')
    .single()
  if (customer.error) throw customer.error
  const customerId = customer.data.id as string
  const linked = await office.rpc('provision_portal_user', {
    p_customer_id: customerId,
    p_user_id: user.data.user.id,
  })
  if (linked.error) throw linked.error
  const updated = await office
    .from('properties')
    .update({ ...house, ...property })
    .eq('customer_id', customerId)
    .eq('is_primary', true)
    .select('id')
    .single()
  if (updated.error) throw updated.error
  return { office, customerId, email, password }
}

/** Fern (above) and Tom's visit to her today. */
export async function setUpTomsVisit(tag: string) {
  const { office, customerId, email, password } = await setUpFieldCustomer(tag)
  const start = new Date(Date.now() + 10 * 60_000)
  const job = await office
    .from('jobs')
    .insert({
      organization_id: demo.organizationId,
      customer_id: customerId,
      service_id: carpetCleaning.id,
      technician_id: tom.id,
      title: `Carpet cleaning ${tag}`,
      status: 'confirmed',
      scheduled_start: start.toISOString(),
      scheduled_end: new Date(start.getTime() + 3_600_000).toISOString(),
      price_cents: 14_900,
    })
    .select('id, title')
    .single()
  if (job.error) throw job.error
  await office.auth.signOut()
  return { customerId, email, password, job: job.data as { id: string; title: string } }
}

/** Tom on his phone, signed in through the CRM's form, with location allowed and set. */
export async function tomOnPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: phone,
    hasTouch: true,
    isMobile: true,
    permissions: ['geolocation'],
    geolocation: farAway,
  })
  openedContexts.add(context)
  const page = await context.newPage()
  await page.goto(crmUrl('/auth/login'))
  await page.getByLabel('Email', { exact: true }).fill(demo.staff.tech)
  await page.getByLabel('Password', { exact: true }).fill(demo.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/my-day')
  return page
}

/** Console errors and hydration warnings of a page, to expect none at the end. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /hydrat/i.test(message.text()))
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

export async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(phone.width)
}

/** Minutes in "arriving in about N minutes". */
export async function etaMinutes(page: Page): Promise<number> {
  const text = (await page.getByTestId('technician-arrival').textContent()) ?? ''
  const match = /arriving in about (\d+) minute/.exec(text)
  if (!match) throw new Error(`no estimate in "${text}"`)
  return Number(match[1])
}

/** A 1×1 PNG, as a phone camera's picture stands in for in a test. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
