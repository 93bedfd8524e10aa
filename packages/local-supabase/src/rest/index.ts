import { sendJson } from '../http/io.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'

/** PostgREST-compatible API at /rest/v1. */
export function createRestService(_ctx: ServiceContext): HttpService {
  return {
    prefix: '/rest/v1',
    async handle(_req, res) {
      sendJson(res, 501, { code: 'PGRST000', message: 'REST API not available yet', details: null, hint: null })
    },
  }
}
