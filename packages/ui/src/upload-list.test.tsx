import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { FileDropZone } from './file-drop-zone.tsx'
import { Progress } from './progress.tsx'
import { UploadList, useUploadQueue } from './upload-list.tsx'

const file = (name: string, type = 'image/png') => new File(['x'], name, { type })

describe('FileDropZone', () => {
  it('hands on picked and dropped files through one labelled input', () => {
    const onFiles = vi.fn()
    render(
      <FileDropZone
        accept={['image/png']}
        onFiles={onFiles}
        label="Add photos"
        hint="Up to 20 MB"
      />,
    )
    const input = screen.getByLabelText('Add photos') as HTMLInputElement
    expect(input.accept).toBe('image/png')
    expect(input.getAttribute('aria-describedby')).toBeTruthy()
    fireEvent.change(input, { target: { files: [file('a.png')] } })
    expect(onFiles).toHaveBeenLastCalledWith([expect.objectContaining({ name: 'a.png' })])
    const zone = input.closest('[data-slot="file-drop-zone"]') as HTMLElement
    fireEvent.drop(zone, { dataTransfer: { files: [file('b.png'), file('c.png')] } })
    expect(onFiles).toHaveBeenLastCalledWith([
      expect.objectContaining({ name: 'b.png' }),
      expect.objectContaining({ name: 'c.png' }),
    ])
  })

  it('takes nothing while disabled', () => {
    const onFiles = vi.fn()
    render(<FileDropZone accept={[]} onFiles={onFiles} label="Add" disabled />)
    const zone = screen.getByLabelText('Add').closest('[data-slot="file-drop-zone"]') as HTMLElement
    fireEvent.drop(zone, { dataTransfer: { files: [file('a.png')] } })
    expect(onFiles).not.toHaveBeenCalled()
  })
})

describe('Progress', () => {
  it('announces its value, kept between 0 and 100', () => {
    render(<Progress value={142.4} label="Uploading a.png" />)
    const bar = screen.getByRole('progressbar', { name: 'Uploading a.png' })
    expect(bar.getAttribute('aria-valuenow')).toBe('100')
  })
})

describe('useUploadQueue and UploadList', () => {
  it('sends files one after another, drops finished ones and keeps refusals with their reason', async () => {
    const order: string[] = []
    const { result } = renderHook(() =>
      useUploadQueue({
        check: (f) => (f.type === 'text/plain' ? 'Only photos' : null),
        upload: async (f, onProgress) => {
          order.push(f.name)
          onProgress(50)
          if (f.name === 'broken.png') throw new Error('Storage said no')
        },
      }),
    )
    await act(() =>
      result.current.start([file('a.png'), file('notes.txt', 'text/plain'), file('broken.png')]),
    )
    expect(order).toEqual(['a.png', 'broken.png'])
    expect(result.current.uploads.map((u) => [u.name, u.status, u.error])).toEqual([
      ['notes.txt', 'failed', 'Only photos'],
      ['broken.png', 'failed', 'Storage said no'],
    ])
    const onDismiss = vi.fn()
    render(<UploadList uploads={result.current.uploads} onDismiss={onDismiss} />)
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'notes.txt: Only photos',
      'broken.png: Storage said no',
    ])
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0] as HTMLElement)
    expect(onDismiss).toHaveBeenCalledWith(result.current.uploads[0]?.key)
  })
})
