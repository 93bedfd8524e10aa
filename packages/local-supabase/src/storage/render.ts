import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import sharp from 'sharp'
import type { StorageContext } from './context.ts'
import type { ObjectRow } from './download.ts'
import { StorageError, storageErrors } from './errors.ts'

/** `transform` of getPublicUrl / createSignedUrl / download, as the render endpoint reads it. */
export interface TransformOptions {
  width?: number
  height?: number
  resize: 'cover' | 'contain' | 'fill'
  quality: number
  format?: 'origin'
}

const MAX_DIMENSION = 2500
const RESIZE_MODES = new Set(['cover', 'contain', 'fill'])

function integerIn(name: string, raw: unknown, min: number, max: number): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw storageErrors.badRequest(`${name} must be an integer from ${min} to ${max}`)
  }
  return value
}

/** Reads transform options from query parameters or a signed URL's `transformations`. */
export function parseTransform(values: Record<string, unknown>): TransformOptions {
  const resize = values.resize ?? 'cover'
  if (typeof resize !== 'string' || !RESIZE_MODES.has(resize)) {
    throw storageErrors.badRequest('resize must be one of cover, contain, fill')
  }
  const format = values.format
  if (format !== undefined && format !== null && format !== '' && format !== 'origin') {
    throw storageErrors.badRequest('format must be origin')
  }
  return {
    width: integerIn('width', values.width, 1, MAX_DIMENSION),
    height: integerIn('height', values.height, 1, MAX_DIMENSION),
    resize: resize as TransformOptions['resize'],
    quality: integerIn('quality', values.quality, 20, 100) ?? 80,
    ...(format === 'origin' ? { format: 'origin' as const } : {}),
  }
}

/** `width:100,height:50,resize:cover`: how a signed URL's token carries its transform. */
export function transformationsText(options: Record<string, unknown>): string {
  return ['width', 'height', 'resize', 'quality', 'format']
    .filter((key) => options[key] !== undefined && options[key] !== null)
    .map((key) => `${key}:${String(options[key])}`)
    .join(',')
}

export function transformFromText(text: string): TransformOptions {
  const values: Record<string, string> = {}
  for (const part of text.split(',')) {
    const [key, value] = part.split(':')
    if (key && value !== undefined) values[key] = value
  }
  return parseTransform(values)
}

type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff'

const OUTPUT_FORMATS: Record<string, OutputFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
  'image/tiff': 'tiff',
}

/**
 * Resizes an image object with sharp. Without `format: 'origin'` a client that accepts WebP gets
 * WebP (Supabase's image service picks a modern format the same way). The source is streamed
 * into sharp; the (resized, bounded) output is sent whole so a broken image is a clean 4xx.
 */
export async function sendRendered(
  s: StorageContext,
  req: IncomingMessage,
  res: ServerResponse,
  row: ObjectRow,
  options: TransformOptions,
): Promise<void> {
  const mimeType = row.metadata?.mimetype ?? ''
  const origin = OUTPUT_FORMATS[mimeType.split(';')[0]?.trim().toLowerCase() ?? '']
  if (!origin) throw storageErrors.imageProcessing(`Image type ${mimeType} is not supported`)
  const wantsWebp = options.format !== 'origin' && (req.headers.accept ?? '').includes('image/webp')
  const format: OutputFormat = wantsWebp ? 'webp' : origin
  const transformer = sharp({ failOn: 'error', limitInputPixels: 100_000_000 })
    .rotate()
    .resize({
      width: options.width,
      height: options.height,
      fit: options.resize,
      withoutEnlargement: false,
    })
    .toFormat(format, { quality: options.quality })
  let output: Buffer
  try {
    const [, buffer] = await Promise.all([
      pipeline(s.files.read(row.version as string), transformer),
      transformer.toBuffer(),
    ])
    output = buffer
  } catch (error) {
    if (error instanceof StorageError) throw error
    throw storageErrors.imageProcessing(
      `Image could not be transformed: ${(error as Error).message}`,
    )
  }
  res.writeHead(200, {
    'content-type': `image/${format}`,
    'content-length': String(output.length),
    'cache-control': row.metadata?.cacheControl ?? 'no-cache',
    'x-transformations': transformationsText({ ...options, format: options.format }),
    ...(row.metadata?.lastModified
      ? { 'last-modified': new Date(row.metadata.lastModified).toUTCString() }
      : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : output)
}
