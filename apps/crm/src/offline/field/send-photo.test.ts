import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import type { ActionResult } from '@repo/actions/result'
import { UploadRefusedError } from '@repo/database/uploads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type OpenedStore, openActionStore } from '../queue/action-store.ts'
import { enqueueAction, sendQueued } from '../queue/run-queue.ts'
import type { ActionKind } from '../queue/types.ts'
import { fieldKinds, type PhotoPayload } from './field-kinds.ts'
import { type PhotoSteps, sendPhoto } from './send-photo.ts'

// A queued photo against the real queue (fake-indexeddb keeps the Blob as the browser does) and a
// small Storage + attachments table that behave as resumeAttachmentUpload and recordAttachment do:
// the object is named after the attachment's id, a stored object gets no new URL, a recorded id
// answers its row. The connection can drop before a step reaches the server or after it was done.

type Drop = `${'before' | 'after'} ${'prepare' | 'put' | 'record'}`

function server() {
  const objects = new Map<string, string>()
  const rows = new Map<string, { path: string; kind: string }>()
  const drops: Drop[] = []
  const maybeDrop = (when: Drop) => {
    if (drops[0] === when) {
      drops.shift()
      throw new TypeError('Failed to fetch')
    }
  }
  const steps: PhotoSteps = {
    prepare: async ({ id, target, file }) => {
      maybeDrop('before prepare')
      const path = `org/${target.id}/${id}-${file.name}`
      const answer: ActionResult<{ signedUrl: string | null; path: string }> = {
        ok: true,
        data: { path, signedUrl: objects.has(path) ? null : `signed:${path}` },
      }
      maybeDrop('after prepare')
      return answer
    },
    put: async (signedUrl, file) => {
      maybeDrop('before put')
      const path = signedUrl.replace('signed:', '')
      if (objects.has(path)) throw new UploadRefusedError('The resource already exists')
      if (file.size > 20) throw new UploadRefusedError('The object exceeded the maximum size')
      objects.set(path, await file.text())
      maybeDrop('after put')
    },
    record: async ({ id, path, kind }) => {
      maybeDrop('before record')
      if (!objects.has(path)) return { ok: false, error: 'The file was not uploaded' }
      if (!rows.has(id)) rows.set(id, { path, kind })
      maybeDrop('after record')
      return { ok: true, data: rows.get(id) }
    },
  }
  return { objects, rows, drops, steps }
}

describe('queued photos', () => {
  let store: OpenedStore
  let s: ReturnType<typeof server>
  const job = randomUUID()
  const seen = { status: 'in_progress', updatedAt: '2026-12-03T09:00:00.000Z' }
  const photoKind = (): ActionKind<PhotoPayload> => ({
    kind: fieldKinds.photo,
    describe: (p) => p.kind,
    apply: (action) => sendPhoto(s.steps, action),
  })
  const kindOf = (kind: string) =>
    kind === fieldKinds.photo ? (photoKind() as ActionKind) : undefined

  beforeEach(async () => {
    store = await openActionStore(randomUUID())
    s = server()
  })
  afterEach(() => store.close())

  async function queuePhoto(bytes = 'png bytes') {
    const payload: PhotoPayload = {
      id: randomUUID(),
      kind: 'before',
      name: 'sink.png',
      type: 'image/png',
      file: new Blob([bytes], { type: 'image/png' }),
    }
    await enqueueAction(store, { kind: fieldKinds.photo, recordId: job, payload, expected: seen })
    return payload
  }

  it('keeps the photo’s bytes on the phone while offline and sends them once back online', async () => {
    const photo = await queuePhoto()
    s.drops.push('before prepare')
    expect(await sendQueued(store, kindOf)).toEqual({ sent: [], unreachable: true })
    const [kept] = await store.all()
    if (!kept) throw new Error('the photo left the queue')
    const file = (kept.payload as PhotoPayload).file
    expect(file).toBeInstanceOf(Blob)
    expect(await file.text()).toBe('png bytes')

    const back = await sendQueued(store, kindOf)
    expect(back.sent.map((x) => x.message)).toEqual(['Before photo added'])
    expect([...s.objects.values()]).toEqual(['png bytes'])
    expect([...s.rows.keys()]).toEqual([photo.id])
    expect(await store.all()).toEqual([])
  })

  for (const drop of ['after put', 'before record', 'after record', 'after prepare'] as const) {
    it(`a send cut off ${drop} is retried into one object and one row`, async () => {
      const photo = await queuePhoto()
      s.drops.push(drop)
      expect((await sendQueued(store, kindOf)).unreachable).toBe(true)
      expect((await store.all()).map((a) => a.failures)).toEqual([1])
      const again = await sendQueued(store, kindOf)
      expect(again.unreachable).toBe(false)
      expect(again.sent).toHaveLength(1)
      expect(s.objects.size).toBe(1)
      expect([...s.rows.entries()]).toEqual([
        [photo.id, { path: `org/${job}/${photo.id}-sink.png`, kind: 'before' }],
      ])
      expect(await store.all()).toEqual([])
    })
  }

  it('a photo Storage refuses stays on the phone with the reason, holding back the job’s later changes', async () => {
    await queuePhoto('far too many bytes for this bucket')
    const later = await queuePhoto()
    await sendQueued(store, kindOf)
    const kept = await store.all()
    expect(kept.map((a) => [a.state, a.error])).toEqual([
      ['refused', 'The object exceeded the maximum size'],
      ['waiting', undefined],
    ])
    expect(s.rows.has(later.id)).toBe(false)
    expect(s.objects.size).toBe(0)
  })
})
