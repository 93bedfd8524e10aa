import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { storageErrors } from './errors.ts'

/** What was written: its size and Storage's quoted MD5 ETag. */
export interface WrittenFile {
  tempPath: string
  size: number
  eTag: string
}

const VERSION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Object bytes on disk, one file per object version: `<root>/objects/<ab>/<version>`. A file is
 * named only by the version (a random UUID the server chose) so no name a client sends ever
 * becomes a path, and only a file a row of storage.objects names is ever served: a file left by a
 * crash before its row was committed is never reached.
 */
export interface FileStore {
  /** Streams `source` into a new temp file (fsynced), failing with 413 past `limit` bytes. */
  writeTemp(source: Readable, limit: number): Promise<WrittenFile>
  /** Copies a stored version into a new temp file (fsynced). */
  copyToTemp(version: string): Promise<string>
  /** Moves a temp file to its version's place; the caller commits the row right after. */
  place(tempPath: string, version: string): Promise<void>
  discard(filePath: string): Promise<void>
  remove(version: string): Promise<void>
  read(version: string, range?: { start: number; end: number }): Readable
  pathOf(version: string): string
}

export async function createFileStore(root: string): Promise<FileStore> {
  const tempDir = path.join(root, 'tmp')
  const objectsDir = path.join(root, 'objects')
  // Temp files belong to uploads that never finished: nothing names them.
  await rm(tempDir, { recursive: true, force: true })
  await mkdir(tempDir, { recursive: true })
  await mkdir(objectsDir, { recursive: true })

  const pathOf = (version: string) => {
    if (!VERSION.test(version)) throw new Error(`not an object version: ${version}`)
    return path.join(objectsDir, version.slice(0, 2), version)
  }
  const newTempPath = () => path.join(tempDir, randomUUID())

  async function fsyncFile(filePath: string) {
    const handle = await open(filePath, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  return {
    pathOf,
    async writeTemp(source, limit) {
      const tempPath = newTempPath()
      const hash = createHash('md5')
      let size = 0
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length
          if (size > limit) {
            done(storageErrors.entityTooLarge())
            return
          }
          hash.update(chunk)
          done(null, chunk)
        },
      })
      try {
        await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx' }))
        await fsyncFile(tempPath)
      } catch (error) {
        await rm(tempPath, { force: true })
        throw error
      }
      return { tempPath, size, eTag: `"${hash.digest('hex')}"` }
    },
    async copyToTemp(version) {
      const tempPath = newTempPath()
      try {
        await copyFile(pathOf(version), tempPath)
        await fsyncFile(tempPath)
      } catch (error) {
        await rm(tempPath, { force: true })
        throw error
      }
      return tempPath
    },
    async place(tempPath, version) {
      const target = pathOf(version)
      await mkdir(path.dirname(target), { recursive: true })
      await rename(tempPath, target)
      // The rename itself must reach the disk before the row naming the file is committed.
      await fsyncFile(path.dirname(target))
    },
    async discard(filePath) {
      await rm(filePath, { force: true })
    },
    async remove(version) {
      if (VERSION.test(version)) await rm(pathOf(version), { force: true })
    },
    read(version, range) {
      return createReadStream(pathOf(version), range ? { start: range.start, end: range.end } : {})
    },
  }
}
