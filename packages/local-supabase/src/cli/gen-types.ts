import type { StackConfig } from '../config.ts'
import type { Logger } from '../log.ts'

/** Writes packages/database/src/database.types.ts from the live schema. */
export async function generateTypes(_config: StackConfig, _url: string, _log: Logger): Promise<void> {
  throw new Error('gen-types is not implemented yet')
}
