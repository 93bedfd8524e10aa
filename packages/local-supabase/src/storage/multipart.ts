import type { IncomingMessage } from 'node:http'
import { PassThrough, type Readable } from 'node:stream'
import { storageErrors } from './errors.ts'

/** The file part of a `multipart/form-data` upload, and the text fields sent before it. */
export interface MultipartFile {
  fields: Map<string, string>
  mimeType: string
  stream: Readable
}

const MAX_HEADER_BYTES = 16 * 1024
const MAX_FIELD_BYTES = 1024 * 1024
const MAX_FIELDS = 10
const CRLF_CRLF = Buffer.from('\r\n\r\n')

export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2] ?? null) : null
}

interface PartHeaders {
  name: string | null
  filename: string | null
  contentType: string | null
}

function parsePartHeaders(text: string): PartHeaders {
  const headers: PartHeaders = { name: null, filename: null, contentType: null }
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const key = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (key === 'content-type') headers.contentType = value
    if (key === 'content-disposition') {
      headers.name = /;\s*name="([^"]*)"/i.exec(value)?.[1] ?? null
      headers.filename = /;\s*filename="([^"]*)"/i.exec(value)?.[1] ?? null
    }
  }
  return headers
}

/**
 * Reads a multipart body as a stream, as Storage does with `request.file()`: text fields before
 * the first file part are collected (they carry `cacheControl`, `contentType`, `metadata`), and
 * the file's bytes are handed on as they arrive, never buffered whole. Resolves once the file's
 * headers are read; the body after the file is read and dropped.
 */
export function readMultipartFile(req: IncomingMessage, boundary: string): Promise<MultipartFile> {
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>()
    let file: PassThrough | null = null
    let settled = false
    const fail = (error: Error) => {
      if (!settled) {
        settled = true
        reject(error)
      } else file?.destroy(error)
    }

    async function run() {
      // A leading CRLF makes the first boundary look like every later one.
      let buffer: Buffer = Buffer.from('\r\n')
      let state: 'preamble' | 'after-delimiter' | 'headers' | 'field' | 'file' | 'done' = 'preamble'
      let current: PartHeaders | null = null
      let fieldBytes: Buffer[] = []
      let fieldSize = 0

      const emitFile = async (chunk: Buffer) => {
        if (!file || file.destroyed || chunk.length === 0) return
        if (!file.write(chunk)) {
          await new Promise<void>((done) => {
            const stop = () => {
              file?.off('drain', stop)
              file?.off('close', stop)
              done()
            }
            file?.once('drain', stop)
            file?.once('close', stop)
          })
        }
      }

      for await (const chunk of req) {
        buffer = buffer.length === 0 ? (chunk as Buffer) : Buffer.concat([buffer, chunk as Buffer])
        for (;;) {
          if (state === 'done') {
            buffer = Buffer.alloc(0)
            break
          }
          if (state === 'preamble') {
            const at = buffer.indexOf(delimiter)
            if (at < 0) {
              if (buffer.length > MAX_HEADER_BYTES) throw storageErrors.noContent()
              break
            }
            buffer = buffer.subarray(at + delimiter.length)
            state = 'after-delimiter'
          }
          if (state === 'after-delimiter') {
            if (buffer.length < 2) break
            if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
              state = 'done'
              continue
            }
            buffer = buffer.subarray(buffer[0] === 0x0d && buffer[1] === 0x0a ? 2 : 0)
            state = 'headers'
          }
          if (state === 'headers') {
            const end = buffer.indexOf(CRLF_CRLF)
            if (end < 0) {
              if (buffer.length > MAX_HEADER_BYTES) throw storageErrors.noContent()
              break
            }
            current = parsePartHeaders(buffer.subarray(0, end).toString('utf8'))
            buffer = buffer.subarray(end + CRLF_CRLF.length)
            if (current.filename !== null && !file) {
              file = new PassThrough({ highWaterMark: 64 * 1024 })
              settled = true
              resolve({
                fields,
                mimeType: current.contentType ?? 'application/octet-stream',
                stream: file,
              })
              state = 'file'
            } else {
              fieldBytes = []
              fieldSize = 0
              state = 'field'
            }
          }
          if (state === 'field' || state === 'file') {
            const at = buffer.indexOf(delimiter)
            const usable = at >= 0 ? at : Math.max(0, buffer.length - delimiter.length + 1)
            const data = buffer.subarray(0, usable)
            buffer = buffer.subarray(at >= 0 ? at + delimiter.length : usable)
            if (state === 'file') await emitFile(data)
            else {
              fieldSize += data.length
              if (fieldSize > MAX_FIELD_BYTES) throw storageErrors.entityTooLarge('user_metadata')
              fieldBytes.push(data)
            }
            if (at < 0) break
            if (state === 'file') {
              file?.end()
              // Only the first file counts; what follows is read and dropped.
              state = 'done'
              continue
            }
            if (current?.name !== null && current?.name !== undefined && fields.size < MAX_FIELDS) {
              fields.set(current.name, Buffer.concat(fieldBytes).toString('utf8'))
            }
            state = 'after-delimiter'
          }
        }
      }
      if (!settled) throw storageErrors.noContent()
      if (file && !file.writableEnded) file.destroy(storageErrors.noContent())
    }

    run().catch((error: Error) => fail(error))
  })
}
