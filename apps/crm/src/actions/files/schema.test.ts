import { describe, expect, it } from 'vitest'
import { prepareUploadSchema, recordUploadSchema } from './schema.ts'

const id = '50000000-0000-4000-8000-000000000003'
const file = { name: 'rug.jpg', type: 'image/jpeg', size: 1200 }

describe('file action schemas', () => {
  it('takes a job, quote or invoice and the file as the browser describes it', () => {
    for (const type of ['job', 'quote', 'invoice'] as const) {
      expect(prepareUploadSchema.safeParse({ target: { type, id }, file }).success).toBe(true)
    }
    expect(prepareUploadSchema.safeParse({ target: { type: 'customer', id }, file }).success).toBe(
      false,
    )
    expect(prepareUploadSchema.safeParse({ target: { type: 'job', id: 'x' }, file }).success).toBe(
      false,
    )
    expect(
      prepareUploadSchema.safeParse({ target: { type: 'job', id }, file: { ...file, name: '  ' } })
        .success,
    ).toBe(false)
  })

  it('records staff files as before, after, photo or document, never as a customer upload', () => {
    const base = { target: { type: 'job', id }, path: `o/${id}/x.jpg`, file }
    expect(recordUploadSchema.safeParse({ ...base, kind: 'after' }).success).toBe(true)
    expect(recordUploadSchema.safeParse({ ...base, kind: 'customer_upload' }).success).toBe(false)
  })
})
