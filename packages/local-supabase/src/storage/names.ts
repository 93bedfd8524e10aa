import { storageErrors } from './errors.ts'

/** Most bytes an object name may have (S3's key limit). */
const MAX_NAME_BYTES = 1024
// Control characters cannot be part of a name: they would end up in headers and file listings.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * Object names are `/`-separated paths inside a bucket. Names that could mean something else to a
 * file system or a URL are refused before anything is read or written: empty names, absolute
 * ones, empty segments (`a//b`, a trailing `/`), `.` and `..` segments, control characters.
 */
export function checkObjectName(name: string): string {
  const segments = name.split('/')
  if (
    name === '' ||
    Buffer.byteLength(name) > MAX_NAME_BYTES ||
    CONTROL.test(name) ||
    segments.some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw storageErrors.invalidKey(name)
  }
  return name
}

// Storage's `isValidBucketName`: letters, digits, `_` and a few safe symbols, 1 to 100 characters.
const BUCKET_NAME = /^[\w!\-.*'() &$@=;:+,?]{1,100}$/

export function checkBucketName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    !BUCKET_NAME.test(name) ||
    name.trim() !== name ||
    name === '.' ||
    name === '..'
  ) {
    throw storageErrors.invalidBucketName()
  }
  return name
}

/** `bucket/rest/of/name` from the URL path after a route's prefix (percent-decoded). */
export function bucketAndName(rawPath: string): { bucket: string; name: string } {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    throw storageErrors.invalidKey(rawPath)
  }
  const slash = decoded.indexOf('/')
  if (slash <= 0) throw storageErrors.invalidKey(decoded)
  return { bucket: decoded.slice(0, slash), name: checkObjectName(decoded.slice(slash + 1)) }
}
