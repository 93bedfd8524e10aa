import type { AttachmentRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import {
  attachmentKindLabel,
  attachmentKinds,
  formatFileSize,
  photoGallery,
} from './attachment-kinds.ts'
import { describeAttachmentChange, isAttachmentNewsToCustomer } from './attachment-notices.ts'

const photo = (
  kind: AttachmentRow['kind'],
  created_at: string,
  extra: Partial<AttachmentRow> = {},
) =>
  ({
    id: `${kind}-${created_at}`,
    kind,
    created_at,
    name: 'rug.jpg',
    quote_id: null,
    invoice_id: null,
    ...extra,
  }) as AttachmentRow

describe('attachments', () => {
  it('has words for every kind of the enum', () => {
    expect(Object.keys(attachmentKindLabel).sort()).toEqual([...attachmentKinds].sort())
  })

  it('orders the gallery before, after, other; oldest first; empty groups left out', () => {
    const gallery = photoGallery([
      photo('after', '2026-01-02'),
      photo('before', '2026-01-03'),
      photo('before', '2026-01-01'),
    ])
    expect(gallery.map((g) => [g.kind, g.photos.map((p) => p.created_at)])).toEqual([
      ['before', ['2026-01-01', '2026-01-03']],
      ['after', ['2026-01-02']],
    ])
  })

  it('formats sizes', () => {
    expect(formatFileSize(1)).toBe('1 byte')
    expect(formatFileSize(2048)).toBe('2 KB')
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2.5 MB')
  })

  it('tells the customer of new photos and documents, not of removals or their own uploads', () => {
    expect(describeAttachmentChange('INSERT', photo('after', 'x'))).toMatchObject({
      title: 'New photo',
      description: 'An after photo was added to your appointment',
    })
    expect(
      describeAttachmentChange(
        'INSERT',
        photo('document', 'x', { name: 'Warranty.pdf', quote_id: 'q' }),
      )?.description,
    ).toBe('Warranty.pdf was added to your quote')
    expect(describeAttachmentChange('DELETE', null)).toBeNull()
    expect(isAttachmentNewsToCustomer(photo('customer_upload', 'x'))).toBe(false)
  })
})
