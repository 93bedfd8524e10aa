import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { openedContexts, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, toast } from './crm-fixtures.ts'

// Tom's day without a connection, on a 375 px phone: the field screens open from the phone's copy,
// what he does waits on the phone ("waiting to send") and is sent in order when the connection
// returns, once; a job the office changed meanwhile is his to decide. Each run uses jobs of its own.

const tom = { id: demo.staff.techId }
const carpetCleaning = {
  id: '40000000-0000-4000-8000-000000000001',
  steps: ['Walk the rooms with the customer', 'Move light furniture'],
}
const phone = { width: 375, height: 812 }

/** A 1×1 PNG: the smallest photo Storage accepts as an image. */
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

function service(): SupabaseClient {
  return createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, {
    auth: { persistSession: false },
  })
}

/** Visits for Tom today at Bob's (a demo customer), `count` of them, an hour apart from soon. */
async function visitsToday(
  tag: string,
  status: 'en_route' | 'in_progress',
  count = 1,
): Promise<{ id: string; title: string }[]> {
  const first = Date.now() + 5 * 60_000
  const rows = Array.from({ length: count }, (_, i) => ({
    organization_id: demo.organizationId,
    customer_id: demo.bob.customerId,
    service_id: carpetCleaning.id,
    technician_id: tom.id,
    title: `Offline visit ${tag} #${i + 1}`,
    status,
    scheduled_start: new Date(first + i * 20 * 60_000).toISOString(),
    scheduled_end: new Date(first + i * 20 * 60_000 + 15 * 60_000).toISOString(),
    price_cents: 9_900,
  }))
  const { data, error } = await service().from('jobs').insert(rows).select('id, title')
  if (error) throw error
  return data as { id: string; title: string }[]
}

/** Tom on his phone, signed in, on My day with its pages saved for offline use. */
async function tomOnPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: phone,
    hasTouch: true,
    isMobile: true,
    permissions: ['geolocation'],
    geolocation: { latitude: 30.26, longitude: -97.74 },
  })
  openedContexts.add(context)
  const page = await context.newPage()
  await page.goto(crmUrl('/auth/login'))
  await page.getByLabel('Email', { exact: true }).fill(demo.staff.tech)
  await page.getByLabel('Password', { exact: true }).fill(demo.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/my-day')
  await expectSavedForOffline(page)
  return page
}

const bar = (page: Page) => page.getByTestId('connection-bar')

/** The service worker has saved the field pages named on this screen. */
async function expectSavedForOffline(page: Page) {
  await expect(bar(page)).toHaveAttribute('data-offline-copy', 'saved', { timeout: 30_000 })
}

async function drawSignature(page: Page) {
  const padElement = page.getByRole('img', { name: 'Customer signature' })
  await padElement.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  const pad = await padElement.boundingBox()
  if (!pad) throw new Error('no signature pad')
  await page.mouse.move(pad.x + 30, pad.y + 100)
  await page.mouse.down()
  await page.mouse.move(pad.x + 120, pad.y + 60, { steps: 8 })
  await page.mouse.move(pad.x + 220, pad.y + 120, { steps: 8 })
  await page.mouse.up()
}

/** The job's rows as the database has them (service role: the whole truth). */
async function stored(jobId: string) {
  const db = service()
  const [job, ticks, signatures, receipts, notes, attachments] = await Promise.all([
    db.from('jobs').select('status, title').eq('id', jobId).single(),
    db.from('job_checklist_ticks').select('item, done_at').eq('job_id', jobId).order('done_at'),
    db.from('job_signatures').select('signer_name, summary, signed_at').eq('job_id', jobId),
    db.from('field_action_receipts').select('kind').eq('job_id', jobId),
    db.from('job_notes').select('id, body').eq('job_id', jobId),
    db.from('attachments').select('id, kind, name, bucket_id, object_path').eq('job_id', jobId),
  ])
  for (const r of [job, ticks, signatures, receipts, notes, attachments]) if (r.error) throw r.error
  return {
    status: job.data?.status,
    title: job.data?.title,
    ticks: ticks.data ?? [],
    signatures: signatures.data ?? [],
    receipts: receipts.data?.length ?? 0,
    notes: notes.data ?? [],
    attachments: attachments.data ?? [],
  }
}

/** The stored objects in a job's photo folder (a retried upload must not leave a second one). */
async function storedPhotos(jobId: string): Promise<string[]> {
  const { data, error } = await service()
    .storage.from('job-photos')
    .list(`${demo.organizationId}/${jobId}`)
  if (error) throw error
  return (data ?? []).map((o) => o.name)
}

test.describe('My day offline (375 px)', () => {
  test('started online; a note, a photo, ticks, signature and Complete made offline wait on the phone and are sent in order, once', async ({
    browser,
    saveScreenshot,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const [visit] = await visitsToday(tag, 'en_route')
    if (!visit) throw new Error('no visit')
    const tech = await tomOnPhone(browser)
    await expect(bar(tech)).toContainText('All changes sent')

    // Online: Start, sent at once.
    await tech
      .getByTestId('visit')
      .filter({ has: tech.locator(`a[href="/my-day/${visit.id}"]`) })
      .getByRole('link', { name: 'Open job' })
      .click()
    await tech.waitForURL(`**/my-day/${visit.id}`)
    await tech.getByRole('button', { name: 'Start' }).click()
    await expect(toast(tech, 'Job in progress')).toBeVisible()
    await expect(bar(tech)).toHaveAttribute('data-waiting', '0')
    // The saved copy of the visit is the one after Start.
    await expectSavedForOffline(tech)

    // The connection goes; the visit's screen opens from the phone's copy.
    await tech.context().setOffline(true)
    await expect(bar(tech)).toHaveAttribute('data-connection', 'offline')
    await tech.reload()
    await expect(tech.getByRole('heading', { level: 1 })).toContainText('Carpet cleaning')
    await expect(bar(tech)).toContainText('Offline')
    await expect(tech.getByText('In progress', { exact: true })).toBeVisible()

    // Taking a payment needs the office: the section says so instead of offering it.
    await expect(tech.getByTestId('payment-needs-connection')).toContainText(
      'Taking a payment needs a connection',
    )
    // Extra work is not queued: it says so and cannot be added.
    await expect(tech.getByTestId('lines-need-connection')).toBeVisible()
    await expect(tech.getByRole('button', { name: 'Add to the visit' })).toBeDisabled()

    // A note and a before photo, kept on the phone (the photo's bytes in IndexedDB).
    const noteText = `Stain by the window treated twice ${tag}`
    await tech.getByLabel('New note').fill(noteText)
    await tech.getByRole('button', { name: 'Add note' }).click()
    await expect(tech.getByTestId('note-waiting')).toContainText(noteText)
    await expect(tech.getByTestId('note-waiting')).toContainText('Waiting to send')
    const beforeInput = tech.getByLabel('Take a before photo')
    await expect(beforeInput).toBeEnabled()
    await beforeInput.setInputFiles({
      name: 'before-sofa.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    })
    const waitingPhoto = tech.getByTestId('photo-waiting')
    await expect(waitingPhoto).toContainText('Before · Waiting to send')
    await expect(
      waitingPhoto.getByRole('img', { name: 'Before photo: before-sofa.png' }),
    ).toHaveAttribute('src', /^blob:/)
    await expect(tech.getByTestId('waiting-count')).toHaveText('2 changes waiting to send')

    // Two ticks and the signed completion, all kept on the phone.
    for (const step of carpetCleaning.steps) {
      const box = tech.getByRole('checkbox', { name: step })
      await box.click()
      await expect(box).toBeChecked()
    }
    await expect(tech.getByTestId('waiting-count')).toHaveText('4 changes waiting to send')
    await expect(tech.getByRole('heading', { name: 'Finish the visit' })).toBeVisible()
    await drawSignature(tech)
    await tech.getByRole('button', { name: 'Complete with signature' }).click()
    await expect(tech.getByTestId('waiting-count')).toHaveText('5 changes waiting to send')
    await expect(tech.getByText('Completed', { exact: true })).toBeVisible()
    await expect(tech.getByTestId('status-waiting')).toHaveText('Waiting to send')
    const pending = tech.getByTestId('visit-pending')
    await expect(pending.getByRole('listitem')).toHaveText([
      /Note “Stain by the window treated twice .*”\s*Waiting to send/,
      /Before photo\s*Waiting to send/,
      /Tick “Walk the rooms with the customer”\s*Waiting to send/,
      /Tick “Move light furniture”\s*Waiting to send/,
      /Complete, signed by Bob .*Waiting to send/,
    ])
    await saveScreenshot(tech, 'my-day-offline-waiting-375')
    // Nothing reached the server yet.
    expect(await stored(visit.id)).toMatchObject({
      status: 'in_progress',
      ticks: [],
      signatures: [],
      receipts: 1,
      notes: [],
      attachments: [],
    })
    expect(await storedPhotos(visit.id)).toEqual([])

    // Still offline, the phone is reopened: the queue is still there, the photo with it.
    await tech.reload()
    await expect(tech.getByTestId('waiting-count')).toHaveText('5 changes waiting to send')
    await expect(
      tech.getByTestId('photo-waiting').getByRole('img', { name: 'Before photo: before-sofa.png' }),
    ).toHaveAttribute('src', /^blob:/)

    // The connection returns: everything is sent, in order, once.
    await tech.context().setOffline(false)
    await expect(bar(tech)).toContainText('All changes sent', { timeout: 20_000 })
    await expect(toast(tech, 'Job completed')).toBeVisible()
    await expect(tech.getByTestId('visit-pending')).toHaveCount(0)
    await expect(tech.getByTestId('visit-signature')).toContainText('Signed by Bob')
    await saveScreenshot(tech, 'my-day-offline-sent-375')
    const after = await stored(visit.id)
    expect(after.status).toBe('completed')
    expect(after.ticks.map((t) => t.item).sort()).toEqual([...carpetCleaning.steps].sort())
    expect(after.signatures).toHaveLength(1)
    // The ticks went before the completion: the signed summary lists them as done.
    expect(after.signatures[0]?.summary).toMatchObject({
      checklist: expect.arrayContaining(carpetCleaning.steps.map((item) => ({ item, done: true }))),
    })
    // Start and Complete, one receipt each.
    expect(after.receipts).toBe(2)
    // One note and one photo: one row each, one stored file, named after the photo's row.
    expect(after.notes.map((n) => n.body)).toEqual([noteText])
    expect(after.attachments).toHaveLength(1)
    const [photo] = after.attachments
    expect(photo).toMatchObject({
      kind: 'before',
      name: 'before-sofa.png',
      bucket_id: 'job-photos',
    })
    expect(await storedPhotos(visit.id)).toEqual([`${photo?.id}-before-sofa.png`])
    await expect(tech.getByTestId('note-waiting')).toHaveCount(0)
    await expect(tech.getByTestId('photo-waiting')).toHaveCount(0)
    await expect(tech.getByTestId('visit-notes')).toContainText(noteText)
    await expect(tech.getByRole('img', { name: 'Before photo: before-sofa.png' })).toBeVisible()

    // The office, on its own screen, sees the finished visit.
    const officeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    openedContexts.add(officeContext)
    const office = await officeContext.newPage()
    await office.goto(crmUrl('/auth/login'))
    await office.getByLabel('Email', { exact: true }).fill(demo.staff.office)
    await office.getByLabel('Password', { exact: true }).fill(demo.password)
    await office.getByRole('button', { name: 'Sign in' }).click()
    await office.waitForURL((url) => !url.pathname.startsWith('/auth'))
    await office.goto(crmUrl(`/my-day/${visit.id}`))
    await expect(office.getByText('Completed', { exact: true })).toBeVisible()
    await expect(office.getByTestId('visit-signature')).toContainText('Signed by Bob')
    await expect(office.getByText('2 of 5')).toBeVisible()
    await expect(office.getByTestId('visit-notes')).toContainText(noteText)
    await expect(
      office
        .getByTestId('visit-photos')
        .getByRole('img', { name: 'Before photo: before-sofa.png' }),
    ).toBeVisible()
    await saveScreenshot(office, 'my-day-offline-office-1280')
  })

  test('the office changes a job while the technician is offline: on reconnect the technician decides', async ({
    browser,
    saveScreenshot,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const [visit] = await visitsToday(tag, 'in_progress')
    if (!visit) throw new Error('no visit')
    const tech = await tomOnPhone(browser)
    await tech.goto(crmUrl(`/my-day/${visit.id}`))
    await expect(tech.getByRole('heading', { name: 'Finish the visit' })).toBeVisible()

    await tech.context().setOffline(true)
    await expect(bar(tech)).toHaveAttribute('data-connection', 'offline')
    await tech.getByRole('checkbox', { name: carpetCleaning.steps[0] }).click()
    await tech.getByRole('button', { name: 'Complete without signature' }).click()
    await expect(tech.getByTestId('waiting-count')).toHaveText('2 changes waiting to send')

    // Meanwhile the office renames the visit (signed in as office staff, through the API).
    const office = createClient(e2eEnv.supabaseUrl, e2eEnv.anonKey, {
      auth: { persistSession: false },
    })
    const signIn = await office.auth.signInWithPassword({
      email: demo.staff.office,
      password: demo.password,
    })
    expect(signIn.error).toBeNull()
    const renamed = `Upstairs only ${tag}`
    const edit = await office.from('jobs').update({ title: renamed }).eq('id', visit.id)
    expect(edit.error).toBeNull()

    // Back online: the tick goes, the completion is held and the change is shown.
    await tech.context().setOffline(false)
    const conflict = tech.getByTestId('visit-conflict')
    await expect(conflict).toBeVisible({ timeout: 20_000 })
    await expect(conflict).toContainText('The office changed this job while you were offline')
    await expect(conflict).toContainText(`Title: ${visit.title} → ${renamed}`)
    await expect(tech.getByTestId('waiting-count')).toHaveText('1 change waiting to send')
    await saveScreenshot(tech, 'my-day-offline-conflict-375')
    const held = await stored(visit.id)
    expect(held.status).toBe('in_progress')
    expect(held.ticks.map((t) => t.item)).toEqual([carpetCleaning.steps[0]])

    // Tom keeps his: the visit is completed on top of the office's version.
    await conflict.getByRole('button', { name: 'Apply mine' }).click()
    await expect(toast(tech, 'Job completed')).toBeVisible()
    await expect(bar(tech)).toContainText('All changes sent')
    const done = await stored(visit.id)
    expect(done).toMatchObject({ status: 'completed', title: renamed, receipts: 1 })
    await office.auth.signOut()
  })

  test('signing out drops the saved pages and the queue', async ({ browser }) => {
    const tag = randomUUID().slice(0, 8)
    await visitsToday(tag, 'in_progress')
    const tech = await tomOnPhone(browser)
    const before = await tech.evaluate(async () => ({
      caches: await caches.keys(),
      databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
    }))
    expect(before.caches).toContain('crm-field-pages')
    expect(before.databases.some((name) => name.startsWith('crm-offline:'))).toBe(true)
    // The header's Sign out (on a desk; on the phone it sits in the menu).
    await tech.setViewportSize({ width: 1280, height: 800 })
    await tech.getByRole('button', { name: 'Sign out' }).first().click()
    await tech.waitForURL((url) => url.pathname === '/auth/login')
    await expect
      .poll(async () =>
        tech.evaluate(async () => ({
          pages: (await caches.keys()).includes('crm-field-pages'),
          queue: (await indexedDB.databases()).some((d) => d.name?.startsWith('crm-offline:')),
        })),
      )
      .toEqual({ pages: false, queue: false })
  })

  test('a day of 10 visits: what the phone keeps for offline use (measured)', async ({
    browser,
  }, testInfo) => {
    const tag = randomUUID().slice(0, 8)
    const visits = await visitsToday(tag, 'en_route', 10)
    const tech = await tomOnPhone(browser)
    const size = await tech.evaluate(
      async (ids) => {
        const pages = await caches.open('crm-field-pages')
        const saved = (await pages.keys()).map((r) => new URL(r.url).pathname)
        let cacheBytes = 0
        let entries = 0
        for (const name of await caches.keys()) {
          const cache = await caches.open(name)
          for (const request of await cache.keys()) {
            const response = await cache.match(request)
            cacheBytes += (await response?.blob())?.size ?? 0
            entries += 1
          }
        }
        const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
          usageDetails?: Record<string, number>
        }
        return {
          visitsSaved: ids.filter((id) => saved.includes(`/my-day/${id}`)).length,
          pagesSaved: saved.length,
          cacheEntries: entries,
          cacheBytes,
          estimateUsage: estimate.usage ?? 0,
          estimateCaches: estimate.usageDetails?.caches ?? null,
          estimateIndexedDb: estimate.usageDetails?.indexedDB ?? null,
          estimateServiceWorker: estimate.usageDetails?.serviceWorkerRegistrations ?? null,
        }
      },
      visits.map((v) => v.id),
    )
    expect(size.visitsSaved).toBe(10)
    expect(size.cacheBytes).toBeGreaterThan(0)
    testInfo.annotations.push({
      type: 'offline storage, 10 visits',
      description: JSON.stringify(size),
    })
    const file = path.join(testInfo.project.outputDir, '..', 'offline-cache-size.json')
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, `${JSON.stringify(size, null, 2)}\n`)
  })
})
