import type { HttpService, ServiceContext } from '../http/service.ts'
import { sendJson } from '../http/io.ts'

/** Supabase Realtime-compatible WebSocket server at /realtime/v1. */
export function createRealtimeService(_ctx: ServiceContext): HttpService {
  return {
    prefix: '/realtime/v1',
    async handle(_req, res) {
      sendJson(res, 404, { message: 'realtime not available yet' })
    },
  }
}
