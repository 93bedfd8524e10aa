// Browser upload with progress: supabase-js's storage client has no progress callback, so the
// file goes to a signed upload URL (`createAttachmentUploadUrl`) through XMLHttpRequest, in the
// same multipart form storage-js's `uploadToSignedUrl` sends.
import { ATTACHMENT_BUCKETS, type AttachmentBucket } from './limits.ts'

/** Storage answered and refused the bytes (too large, wrong type, no right): trying again won't help. */
export class UploadRefusedError extends Error {
  override name = 'UploadRefusedError'
}

export interface UploadProgress {
  loaded: number
  total: number
}

/** PUTs the file to a Storage signed upload URL, reporting progress; rejects with Storage's message. */
export function uploadToSignedUrl(
  signedUrl: string,
  file: Blob,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', signedUrl)
    xhr.setRequestHeader('x-upsert', 'false')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total })
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.({ loaded: file.size, total: file.size })
        resolve()
        return
      }
      reject(
        new UploadRefusedError(
          storageMessage(xhr.responseText) ?? `Upload failed (HTTP ${xhr.status})`,
        ),
      )
    }
    xhr.onerror = () =>
      reject(new Error('The upload was interrupted. Check the connection and try again.'))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('cacheControl', '3600')
    form.append('', file)
    xhr.send(form)
  })
}

function storageMessage(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body)
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      const message = (parsed as { message: unknown }).message
      return typeof message === 'string' ? message : null
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return null
}

/** A file as a Server Action receives it (the bytes go to Storage directly). */
export interface UploadFacts {
  name: string
  type: string
  size: number
}

/** Why a file cannot go into a bucket, in the words forms show (Storage refuses the same). */
export function fileProblem(bucket: AttachmentBucket, file: UploadFacts): string | null {
  const limits = ATTACHMENT_BUCKETS[bucket]
  if (!(limits.mimeTypes as readonly string[]).includes(file.type)) {
    return bucket === 'documents'
      ? 'This type of file is not accepted'
      : 'Only photos can be added here'
  }
  if (file.size > limits.maxBytes)
    return `Larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`
  return null
}

type Step<T> = Promise<{ ok: true; data: T } | { ok: false; error: string }>

/**
 * The whole upload: a signed URL from the server (`prepare`), the bytes with progress, then the
 * row (`record`). Throws an Error with the message to show.
 */
export async function uploadFile<Row>(
  file: File,
  steps: {
    /** No URL: the bytes are already stored (a retried upload of a file whose id was chosen). */
    prepare: (facts: UploadFacts) => Step<{ signedUrl: string | null; path: string }>
    record: (facts: UploadFacts, path: string) => Step<Row>
    onProgress?: (progress: UploadProgress) => void
  },
): Promise<Row> {
  const facts = { name: file.name, type: file.type, size: file.size }
  const prepared = await steps.prepare(facts)
  if (!prepared.ok) throw new Error(prepared.error)
  if (prepared.data.signedUrl) {
    await uploadToSignedUrl(prepared.data.signedUrl, file, { onProgress: steps.onProgress })
  }
  const recorded = await steps.record(facts, prepared.data.path)
  if (!recorded.ok) throw new Error(recorded.error)
  return recorded.data
}
