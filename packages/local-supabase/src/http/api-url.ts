import type { IncomingMessage } from 'node:http'
import type { StackConfig } from '../config.ts'

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

/**
 * The API's URL as clients reach it: the configured external URL, else the address the server
 * listens on (the request's local port, so a stack on port 0 names its real one). Never the
 * request's Host header, which the client chooses.
 */
export function apiUrlFor(
  config: Pick<StackConfig, 'apiExternalUrl' | 'host'>,
  req: IncomingMessage,
): string {
  const { apiExternalUrl, host } = config
  if (apiExternalUrl) return apiExternalUrl
  const name = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return `http://${name}:${req.socket.localPort}`
}
