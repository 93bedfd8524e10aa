// Browser upload with progress: supabase-js's storage client has no progress callback, so the
// file goes to a signed upload URL (`createAttachmentUploadUrl`) through XMLHttpRequest, in the
// same multipart form storage-js's `uploadToSignedUrl` sends.

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
      reject(new Error(storageMessage(xhr.responseText) ?? `Upload failed (HTTP ${xhr.status})`))
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
