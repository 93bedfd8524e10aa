import { createLogger } from '../logger.ts'
import { createActionClient } from './create-action-client.ts'

/** For actions anyone may call (sign in, e-mail links): validation, error mapping and logging only. */
export const publicAction = createActionClient<null>({
  context: async () => null,
  logger: createLogger('action'),
})
