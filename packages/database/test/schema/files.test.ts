// Files: who may read and write which objects in the job-photos, documents and customer-uploads
// buckets (policies on storage.objects) and which attachment rows they see, through supabase-js
// against the stack's Storage API.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AttachmentTarget,
  listAttachments,
  planUpload,
  recordAttachment,
  removeAttachment,
  resumeAttachmentUpload,
  signAttachments,
  uploadAttachment,
} from '../../src/repositories/attachments.ts'
import { closeAdminPool, sql, type TypedClient, userClient } from './support/stack.ts'
import { createWorld, insertRow, type World } from './support/world.ts'

const jpeg = (text: string) => new Blob([`\xff\xd8\xff${text}`], { type: 'image/jpeg' })
const pdf = (text: string) => new Blob([`%PDF-1.7 ${text}`], { type: 'application/pdf' })

async function storedObjects(bucket: string, prefix: string): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    'select name from storage.objects where bucket_id = $1 and name like $2 order by name',
    [bucket, `${prefix}%`],
  )
  return rows.map((r) => r.name)
}

describe('files: storage policies and attachments', () => {
  let world: World
  let as: Record<
    'owner' | 'office' | 'tech' | 'customerA' | 'customerB' | 'otherOrgOwner',
    TypedClient
  >
  let jobA: AttachmentTarget
  let sentQuote: string
  let draftQuote: string

  beforeAll(async () => {
    world = await createWorld()
    const p = world.personas
    as = {
      owner: userClient(p.owner.token as string),
      office: userClient(p.office.token as string),
      tech: userClient(p.tech.token as string),
      customerA: userClient(p.customerA.token as string),
      customerB: userClient(p.customerB.token as string),
      otherOrgOwner: userClient(p.otherOrgOwner.token as string),
    }
    jobA = { type: 'job', organizationId: world.org1, jobId: world.jobA }
    const quote = (status: string) =>
      insertRow('quotes', {
        organization_id: world.org1,
        customer_id: world.customerA,
        title: `Quote ${status}`,
        status,
      })
    sentQuote = await quote('sent')
    draftQuote = await quote('draft')
  })
  afterAll(closeAdminPool)

  it('buckets are private, with size limits and allowed types', async () => {
    const buckets = await sql<{
      id: string
      public: boolean
      file_size_limit: string
      allowed_mime_types: string[]
    }>(
      `select id, public, file_size_limit, allowed_mime_types from storage.buckets
       where id in ('job-photos', 'documents', 'customer-uploads') order by id`,
    )
    expect(buckets.map((b) => [b.id, b.public])).toEqual([
      ['customer-uploads', false],
      ['documents', false],
      ['job-photos', false],
    ])
    for (const b of buckets) {
      expect(Number(b.file_size_limit)).toBeGreaterThan(0)
      expect(b.allowed_mime_types.length).toBeGreaterThan(0)
    }
  })

  it("a technician adds a job photo; staff and the job's customer see it, nobody else", async () => {
    const photo = await uploadAttachment(as.tech, {
      target: jobA,
      customerId: world.customerA,
      file: jpeg('before'),
      name: 'Living room rug.jpg',
      kind: 'before',
    })
    expect(photo).toMatchObject({
      organization_id: world.org1,
      customer_id: world.customerA,
      job_id: world.jobA,
      bucket_id: 'job-photos',
      kind: 'before',
      mime_type: 'image/jpeg',
      created_by: world.personas.tech.userId,
    })
    expect(photo.object_path).toMatch(
      new RegExp(`^${world.org1}/${world.jobA}/[0-9a-f-]{36}-Living-room-rug\\.jpg$`),
    )

    for (const reader of [as.owner, as.office, as.tech, as.customerA]) {
      const rows = await listAttachments(reader, { jobId: world.jobA })
      expect(rows.map((r) => r.id)).toContain(photo.id)
      const [signed] = await signAttachments(reader, [photo])
      expect(signed?.url).toBeTruthy()
      const body = await fetch(signed?.url as string)
      expect(body.status).toBe(200)
      expect(await body.text()).toBe('\xff\xd8\xffbefore')
    }
    for (const stranger of [as.customerB, as.otherOrgOwner]) {
      expect(await listAttachments(stranger, { jobId: world.jobA })).toEqual([])
      const download = await stranger.storage.from('job-photos').download(photo.object_path)
      expect(download.data).toBeNull()
      expect(download.error).not.toBeNull()
      const link = await stranger.storage.from('job-photos').createSignedUrl(photo.object_path, 60)
      expect(link.data).toBeNull()
    }
  })

  it('customers and other organizations cannot add or remove job photos', async () => {
    const before = await storedObjects('job-photos', `${world.org1}/${world.jobA}/`)
    for (const outsider of [as.customerA, as.customerB, as.otherOrgOwner]) {
      const plan = planUpload(jobA, { name: 'x.jpg', type: 'image/jpeg', size: 4 })
      const upload = await outsider.storage.from(plan.bucket).upload(plan.path, jpeg('x'))
      expect(upload.error).not.toBeNull()
    }
    // Staff of another organization cannot point their own folder at org 1's job either.
    const crossPath = `${world.org2}/${world.jobA}/x.jpg`
    const cross = await as.otherOrgOwner.storage.from('job-photos').upload(crossPath, jpeg('x'))
    expect(cross.error).not.toBeNull()
    const [existing] = before
    expect(existing).toBeDefined()
    await as.customerA.storage.from('job-photos').remove([existing as string])
    expect(await storedObjects('job-photos', `${world.org1}/${world.jobA}/`)).toEqual(before)
    expect(await storedObjects('job-photos', `${world.org2}/`)).toEqual([])
  })

  it("a technician removes the photos they took, not the owner's; office staff remove any", async () => {
    const byOwner = await uploadAttachment(as.owner, {
      target: jobA,
      file: jpeg('o'),
      name: 'o.jpg',
      kind: 'photo',
    })
    await expect(removeAttachment(as.tech, byOwner.id)).rejects.toMatchObject({
      name: 'NotFoundError',
    })
    await as.tech.storage.from('job-photos').remove([byOwner.object_path])
    expect(await storedObjects('job-photos', byOwner.object_path)).toEqual([byOwner.object_path])
    await removeAttachment(as.office, byOwner.id)
    expect(await storedObjects('job-photos', byOwner.object_path)).toEqual([])
  })

  it('a row is recorded only for a stored file in its own folder', async () => {
    const plan = planUpload(jobA, { name: 'ghost.jpg', type: 'image/jpeg', size: 3 })
    await expect(
      recordAttachment(as.tech, {
        target: jobA,
        customerId: world.customerA,
        ...plan,
        file: { name: 'ghost.jpg', type: 'image/jpeg', size: 3 },
        kind: 'photo',
      }),
    ).rejects.toMatchObject({ code: '23503' })
    // A stored photo of job A cannot be listed under job B (the check ties path and record).
    const [stored] = await storedObjects('job-photos', `${world.org1}/${world.jobA}/`)
    const insert = await as.tech.from('attachments').insert({
      organization_id: world.org1,
      customer_id: world.customerB,
      job_id: world.jobB,
      bucket_id: 'job-photos',
      object_path: stored as string,
      name: 'moved.jpg',
      mime_type: 'image/jpeg',
      size_bytes: 1,
      kind: 'photo',
    })
    expect(insert.error?.code).toBe('23514')
  })

  it('a photo whose id the phone chose is sent again safely: one object, one row', async () => {
    const id = randomUUID()
    const file = jpeg('queued')
    const facts = { name: 'Queued sofa.jpg', type: 'image/jpeg', size: file.size }
    const first = await resumeAttachmentUpload(as.tech, jobA, facts, id)
    expect(first.path).toBe(`${world.org1}/${world.jobA}/${id}-Queued-sofa.jpg`)
    if (!first.signedUrl) throw new Error('no upload URL for a new photo')
    // The bytes reach Storage (as the phone sends them); say the answer was lost.
    const form = new FormData()
    form.append('cacheControl', '3600')
    form.append('', file)
    const put = await fetch(first.signedUrl, {
      method: 'PUT',
      headers: { 'x-upsert': 'false' },
      body: form,
    })
    expect(put.ok).toBe(true)
    // The retry names the same object and gets no URL: nothing is sent twice.
    const again = await resumeAttachmentUpload(as.tech, jobA, facts, id)
    expect(again).toMatchObject({ path: first.path, signedUrl: null })
    const record = () =>
      recordAttachment(as.tech, {
        id,
        target: jobA,
        customerId: world.customerA,
        bucket: 'job-photos',
        path: first.path,
        file: facts,
        kind: 'before',
      })
    const row = await record()
    // Recorded again (that answer lost too): the same row, and the object stays.
    expect(await record()).toEqual(row)
    expect(row.id).toBe(id)
    expect(await storedObjects('job-photos', `${world.org1}/${world.jobA}/${id}`)).toEqual([
      first.path,
    ])
    const rows = await sql<{ n: number }>(
      'select count(*)::int as n from public.attachments where object_path = $1',
      [first.path],
    )
    expect(rows[0]?.n).toBe(1)
    // Leaves the job's photos as the later tests expect them.
    await removeAttachment(as.tech, id)
  })

  it('the bucket refuses a type it does not allow', async () => {
    const path = `${world.org1}/${world.jobA}/notes.txt`
    const upload = await as.tech.storage
      .from('job-photos')
      .upload(path, new Blob(['hello'], { type: 'text/plain' }), { contentType: 'text/plain' })
    expect(upload.error).not.toBeNull()
    expect(await storedObjects('job-photos', path)).toEqual([])
    expect(() => planUpload(jobA, { name: 'notes.txt', type: 'text/plain', size: 5 })).toThrow(
      /not accepted/,
    )
  })

  it("documents: office staff attach them; the customer reads a sent quote's, not a draft's", async () => {
    const sent: AttachmentTarget = { type: 'quote', organizationId: world.org1, quoteId: sentQuote }
    const draft: AttachmentTarget = {
      type: 'quote',
      organizationId: world.org1,
      quoteId: draftQuote,
    }
    const invoice: AttachmentTarget = {
      type: 'invoice',
      organizationId: world.org1,
      invoiceId: world.invoiceA,
    }
    const add = (target: AttachmentTarget, name: string) =>
      uploadAttachment(as.office, {
        target,
        customerId: world.customerA,
        file: pdf(name),
        name,
        kind: 'document',
      })
    const onSent = await add(sent, 'Warranty.pdf')
    const onDraft = await add(draft, 'Draft terms.pdf')
    const onInvoice = await add(invoice, 'Receipt.pdf')

    expect((await listAttachments(as.customerA, { quoteId: sentQuote })).map((r) => r.id)).toEqual([
      onSent.id,
    ])
    expect(await listAttachments(as.customerA, { quoteId: draftQuote })).toEqual([])
    expect(
      (await listAttachments(as.customerA, { invoiceId: world.invoiceA })).map((r) => r.id),
    ).toEqual([onInvoice.id])
    const draftDownload = await as.customerA.storage.from('documents').download(onDraft.object_path)
    expect(draftDownload.error).not.toBeNull()
    const sentDownload = await as.customerA.storage.from('documents').download(onSent.object_path)
    expect(sentDownload.error).toBeNull()
    expect(await sentDownload.data?.text()).toBe('%PDF-1.7 Warranty.pdf')

    expect(await listAttachments(as.customerB, { quoteId: sentQuote })).toEqual([])
    expect(
      (await as.customerB.storage.from('documents').download(onSent.object_path)).error,
    ).not.toBeNull()
    expect(await listAttachments(as.otherOrgOwner, { invoiceId: world.invoiceA })).toEqual([])

    // Technicians read documents but do not add them.
    expect((await listAttachments(as.tech, { quoteId: draftQuote })).map((r) => r.id)).toEqual([
      onDraft.id,
    ])
    await expect(
      uploadAttachment(as.tech, {
        target: sent,
        customerId: world.customerA,
        file: pdf('t'),
        name: 't.pdf',
        kind: 'document',
      }),
    ).rejects.toThrow()
  })

  it('customer uploads: into their own folder only; staff of the organization read them', async () => {
    const own: AttachmentTarget = {
      type: 'customer-upload',
      organizationId: world.org1,
      customerId: world.customerA,
    }
    const upload = await uploadAttachment(as.customerA, {
      target: own,
      customerId: world.customerA,
      file: jpeg('stain'),
      name: 'stain.jpg',
      kind: 'customer_upload',
    })
    expect(upload.created_by).toBe(world.personas.customerA.userId)

    const intoB: AttachmentTarget = {
      type: 'customer-upload',
      organizationId: world.org1,
      customerId: world.customerB,
    }
    const plan = planUpload(intoB, { name: 'x.jpg', type: 'image/jpeg', size: 4 })
    const refused = await as.customerA.storage.from(plan.bucket).upload(plan.path, jpeg('x'))
    expect(refused.error).not.toBeNull()
    expect(await storedObjects('customer-uploads', `${world.org1}/${world.customerB}/`)).toEqual([])

    expect(
      (await listAttachments(as.office, { customerId: world.customerA })).map((r) => r.id),
    ).toContain(upload.id)
    expect(
      (await as.office.storage.from('customer-uploads').download(upload.object_path)).error,
    ).toBeNull()
    expect(
      (await as.customerB.storage.from('customer-uploads').download(upload.object_path)).error,
    ).not.toBeNull()
    expect(
      (await as.otherOrgOwner.storage.from('customer-uploads').download(upload.object_path)).error,
    ).not.toBeNull()
    expect(await listAttachments(as.customerB, { customerId: world.customerA })).toEqual([])
  })

  it("a customer's upload can go with their own appointment, not with someone else's", async () => {
    const own: AttachmentTarget = {
      type: 'customer-upload',
      organizationId: world.org1,
      customerId: world.customerA,
      jobId: world.jobA,
    }
    const withJob = await uploadAttachment(as.customerA, {
      target: own,
      file: jpeg('hall'),
      name: 'hall.jpg',
      kind: 'customer_upload',
    })
    expect(withJob).toMatchObject({ job_id: world.jobA, customer_id: world.customerA })
    expect((await listAttachments(as.tech, { jobId: world.jobA })).map((r) => r.id)).toContain(
      withJob.id,
    )
    // Bob's job: the row would belong to Bob, so Alice may not add it.
    await expect(
      uploadAttachment(as.customerA, {
        target: { ...own, jobId: world.jobB },
        customerId: world.customerA,
        file: jpeg('x'),
        name: 'x.jpg',
        kind: 'customer_upload',
      }),
    ).rejects.toMatchObject({ code: '42501' })
    // The refused upload does not linger in Alice's folder.
    expect(
      await storedObjects('customer-uploads', `${world.org1}/${world.customerA}/`),
    ).toHaveLength(2)
    await removeAttachment(as.customerA, withJob.id)
    expect(await storedObjects('customer-uploads', withJob.object_path)).toEqual([])
  })

  it("the customer's files list holds everything they may see, and removing a file deletes the object", async () => {
    const all = await listAttachments(as.customerA, { customerId: world.customerA })
    expect(all.map((r) => r.kind).sort()).toEqual([
      'before',
      'customer_upload',
      'document',
      'document',
    ])
    const photo = all.find((r) => r.kind === 'before')
    expect(photo).toBeDefined()
    await expect(removeAttachment(as.customerA, photo?.id as string)).rejects.toMatchObject({
      name: 'NotFoundError',
    })
    await removeAttachment(as.tech, photo?.id as string)
    expect(await storedObjects('job-photos', photo?.object_path as string)).toEqual([])
    expect(await listAttachments(as.owner, { jobId: world.jobA })).toEqual([])
  })

  it('the change feed tells the customer of their attachments, not of a draft quote’s', async () => {
    const entries = await sql<{ record_id: string; customer_id: string | null }>(
      `select e.record_id, e.customer_id from public.realtime_table_events e
       where e.table_name = 'attachments' and e.organization_id = $1 and e.event_type = 'INSERT'`,
      [world.org1],
    )
    const rows = await sql<{ id: string; quote_id: string | null }>(
      'select id, quote_id from public.attachments where organization_id = $1',
      [world.org1],
    )
    for (const row of rows) {
      const entry = entries.find((e) => e.record_id === row.id)
      expect(entry?.customer_id ?? null).toBe(row.quote_id === draftQuote ? null : world.customerA)
    }
  })

  it('a customer attaches a photo to a message they sent; staff of the organization read it', async () => {
    const message = await insertRow('messages', {
      organization_id: world.org1,
      customer_id: world.customerA,
      sender_type: 'customer',
      sender_user_id: world.personas.customerA.userId,
      body: 'Here is the stain',
    })
    const own: AttachmentTarget = {
      type: 'customer-upload',
      organizationId: world.org1,
      customerId: world.customerA,
      messageId: message,
    }
    const photo = await uploadAttachment(as.customerA, {
      target: own,
      file: jpeg('stain on the rug'),
      name: 'stain.jpg',
      kind: 'customer_upload',
    })
    expect(photo).toMatchObject({
      message_id: message,
      customer_id: world.customerA,
      bucket_id: 'customer-uploads',
    })
    for (const reader of [as.customerA, as.owner, as.office, as.tech]) {
      const rows = await listAttachments(reader, { messageIds: [message] })
      expect(rows.map((r) => r.id)).toEqual([photo.id])
      const [signed] = await signAttachments(reader, rows)
      expect(await (await fetch(signed?.url as string)).text()).toBe('\xff\xd8\xffstain on the rug')
    }
    for (const stranger of [as.customerB, as.otherOrgOwner]) {
      expect(await listAttachments(stranger, { messageIds: [message] })).toEqual([])
    }
    const [entry] = await sql<{ customer_id: string | null }>(
      `select customer_id from public.realtime_table_events
       where table_name = 'attachments' and record_id = $1 and event_type = 'INSERT'`,
      [photo.id],
    )
    expect(entry?.customer_id).toBe(world.customerA)
  })

  it("a customer cannot attach to another customer's message nor to a staff reply", async () => {
    const before = await storedObjects('customer-uploads', `${world.org1}/${world.customerA}/`)
    // Bob's message: the row would belong to Bob, and Alice's folder is not Bob's.
    await expect(
      uploadAttachment(as.customerA, {
        target: {
          type: 'customer-upload',
          organizationId: world.org1,
          customerId: world.customerA,
          messageId: world.customerMessageB,
        },
        file: jpeg('x'),
        name: 'x.jpg',
        kind: 'customer_upload',
      }),
    ).rejects.toMatchObject({ code: '42501' })
    // Her own thread, but the office's message: not hers to attach to.
    await expect(
      uploadAttachment(as.customerA, {
        target: {
          type: 'customer-upload',
          organizationId: world.org1,
          customerId: world.customerA,
          messageId: world.staffMessageA,
        },
        file: jpeg('y'),
        name: 'y.jpg',
        kind: 'customer_upload',
      }),
    ).rejects.toMatchObject({ code: '42501' })
    // Refused rows take their uploads with them.
    expect(await storedObjects('customer-uploads', `${world.org1}/${world.customerA}/`)).toEqual(
      before,
    )
  })
})
