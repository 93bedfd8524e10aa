import { writeFile } from 'node:fs/promises'
import { startTestStack } from '/work/main/packages/local-supabase/src/testing/index.ts'
import { renderTypes } from '/work/main/packages/local-supabase/src/cli/gen-types.ts'
const stack = await startTestStack({ config: { projectDir: '/work/main' }, seed: 'always' })
try { await writeFile('/work/main/packages/database/src/database.types.ts', await renderTypes(stack.info.DB_URL)) } finally { await stack.stop() }
