import { sendJson } from '../http/io.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'

/** GoTrue-compatible API at /auth/v1. */
export function createAuthService(_ctx: ServiceContext): HttpService {
  return {
    prefix: '/auth/v1',
    async handle(_req, res, path) {
      if (path === '/health') return sendJson(res, 200, { name: 'GoTrue', description: 'local' })
      sendJson(res, 404, { code: 404, error_code: 'not_found', msg: 'Not found' })
    },
  }
}
