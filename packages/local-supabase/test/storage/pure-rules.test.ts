import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.ts'
import { checkMimeType, parseByteSize } from '../../src/storage/limits.ts'
import { checkBucketName, checkObjectName } from '../../src/storage/names.ts'

describe('storage rules', () => {
  it('reads sizes as the CLI and Storage write them', () => {
    expect(parseByteSize('50MiB')).toBe(50 * 1024 * 1024)
    expect(parseByteSize('20MB')).toBe(20_000_000)
    expect(parseByteSize('30KB')).toBe(30_000)
    expect(parseByteSize('3B')).toBe(3)
    expect(parseByteSize(1024)).toBe(1024)
    expect(parseByteSize('1.5 GiB')).toBe(1.5 * 1024 ** 3)
    for (const bad of ['lots', '-1', '5 parsecs', '', -5, 1.5, null])
      expect(parseByteSize(bad)).toBeNull()
  })

  it('matches MIME types exactly or by type/*', () => {
    expect(() => checkMimeType('image/png', ['image/*'])).not.toThrow()
    expect(() => checkMimeType('text/plain;charset=UTF-8', ['text/plain'])).not.toThrow()
    expect(() => checkMimeType('anything/at-all', null)).not.toThrow()
    expect(() => checkMimeType('application/pdf', ['image/*', 'text/plain'])).toThrow(
      'mime type application/pdf is not supported',
    )
    expect(() => checkMimeType('image', ['image/*'])).toThrow()
  })

  it('accepts path-like names and refuses the rest', () => {
    expect(checkObjectName('a/b c/ü.png')).toBe('a/b c/ü.png')
    for (const bad of [
      '',
      '/a',
      'a//b',
      'a/',
      '../a',
      'a/./b',
      'a/..',
      'a\u0000b',
      'a\nb',
      'x'.repeat(1025),
    ]) {
      expect(() => checkObjectName(bad), JSON.stringify(bad)).toThrow('Invalid key')
    }
    expect(checkBucketName('avatars_2024')).toBe('avatars_2024')
    for (const bad of ['', 'a/b', '..', ' lead', 'x'.repeat(101), 42]) {
      expect(() => checkBucketName(bad), String(bad)).toThrow('Bucket name invalid')
    }
  })

  it('takes [storage] from supabase/config.toml', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'storage-config-'))
    try {
      await mkdir(path.join(dir, 'supabase'))
      const toml = path.join(dir, 'supabase', 'config.toml')
      await writeFile(toml, '[storage]\nenabled = false\nfile_size_limit = "2MiB"\n')
      expect(resolveConfig({ projectDir: dir })).toMatchObject({
        storageEnabled: false,
        storageFileSizeLimit: 2 * 1024 * 1024,
      })
      await writeFile(toml, '[storage]\nfile_size_limit = "huge"\n')
      expect(() => resolveConfig({ projectDir: dir })).toThrow('storage.file_size_limit')
      await writeFile(toml, '')
      expect(resolveConfig({ projectDir: dir })).toMatchObject({
        storageEnabled: true,
        storageFileSizeLimit: 50 * 1024 * 1024,
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
