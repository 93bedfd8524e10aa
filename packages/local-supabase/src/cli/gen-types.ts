import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { StackConfig } from '../config.ts'
import type { Logger } from '../log.ts'

/** The schemas the API exposes (supabase/config.toml `[api] schemas`). */
export const TYPE_SCHEMAS = ['public'] as const

/** What `PostgrestVersion` the generated `Database` type declares (PostgREST 13 grammar). */
export const POSTGREST_VERSION = '13.0.5'

/** Where the generated file lives in the monorepo. */
export function typesFilePath(config: Pick<StackConfig, 'projectDir'>): string {
  return path.join(config.projectDir, 'packages', 'database', 'src', 'database.types.ts')
}

/**
 * Runs postgres-meta's type generator against `dbUrl`, exactly as `supabase gen types
 * typescript --local` does (it runs the same program in a container with these variables),
 * and returns the TypeScript source.
 */
export async function renderTypes(dbUrl: string): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@supabase/postgres-meta')
  const server = path.join(path.dirname(entry), '..', 'server', 'server.js')
  const env = {
    PATH: process.env.PATH ?? '',
    PG_META_DB_URL: dbUrl,
    PG_META_GENERATE_TYPES: 'typescript',
    PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: TYPE_SCHEMAS.join(','),
    PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
    PG_META_POSTGREST_VERSION: POSTGREST_VERSION,
  }
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [server],
      { env, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        if (error)
          reject(new Error(`postgres-meta type generation failed: ${err.trim() || error.message}`))
        else resolve(out)
      },
    )
  })
  if (!stdout.includes('export type Database')) {
    throw new Error(
      'postgres-meta printed no Database type; is the database reachable and migrated?',
    )
  }
  return stdout
}

/** Writes packages/database/src/database.types.ts from the live schema. */
export async function generateTypes(config: StackConfig, url: string, log: Logger): Promise<void> {
  const source = await renderTypes(url)
  const file = typesFilePath(config)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, source)
  log.info('wrote database types', { file, bytes: Buffer.byteLength(source) })
}
