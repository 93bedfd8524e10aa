import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Logger } from '../log.ts'
import { listPage, messagePage } from './page.ts'
import { type CatcherStore, matchesQuery, summarize } from './store.ts'

const MAX_BODY_BYTES = 64 * 1024

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body)
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
  res.end(text)
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim()
      try {
        resolve(text ? JSON.parse(text) : {})
      } catch {
        reject(new Error('body is not JSON'))
      }
    })
    req.on('error', reject)
  })
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Mailpit's list shape: newest first, paged with `start` and `limit`. */
function listing(store: CatcherStore, url: URL, query: string | null) {
  const all = store.mails().reverse()
  const found = query === null ? all : all.filter((m) => matchesQuery(m, query))
  const start = Math.max(0, Number(url.searchParams.get('start')) || 0)
  const limit = Math.max(1, Math.min(5000, Number(url.searchParams.get('limit')) || 50))
  const page = found.slice(start, start + limit).map(summarize)
  return {
    total: all.length,
    unread: all.filter((m) => !m.Read).length,
    count: page.length,
    messages_count: found.length,
    start,
    tags: [],
    messages: page,
  }
}

async function route(store: CatcherStore, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? 'GET'
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (method === 'GET' && path === '/')
    return send(res, 200, listPage(store.mails(), store.texts()), 'text/html')
  const view = /^\/view\/([\w-]+)$/.exec(path)
  if (method === 'GET' && view) {
    const mail = store.mail(view[1] ?? '')
    if (!mail) return send(res, 404, 'Not found', 'text/plain')
    mail.Read = true
    return send(res, 200, messagePage(mail), 'text/html')
  }
  if (method === 'GET' && path === '/api/v1/messages')
    return send(res, 200, listing(store, url, null))
  if (method === 'GET' && path === '/api/v1/search') {
    const query = url.searchParams.get('query')
    if (!query) return send(res, 400, { error: 'query is required' })
    return send(res, 200, listing(store, url, query))
  }
  if (method === 'DELETE' && (path === '/api/v1/messages' || path === '/api/v1/search')) {
    const body = await readJson(req)
    const ids =
      isRecord(body) && Array.isArray(body.IDs) ? body.IDs.filter((i) => typeof i === 'string') : []
    if (path === '/api/v1/search') {
      const query = url.searchParams.get('query') ?? ''
      store.deleteMails(
        store
          .mails()
          .filter((m) => matchesQuery(m, query))
          .map((m) => m.ID),
      )
    } else store.deleteMails(ids)
    return send(res, 200, 'ok', 'text/plain')
  }
  const one = /^\/api\/v1\/message\/([\w-]+)(\/headers)?$/.exec(path)
  if (method === 'GET' && one) {
    const mail = one[1] === 'latest' ? store.mails().at(-1) : store.mail(one[1] ?? '')
    if (!mail) return send(res, 404, 'message not found', 'text/plain')
    if (one[2]) return send(res, 200, mail.Headers)
    mail.Read = true
    const { Headers: _headers, Read: _read, ...full } = mail
    return send(res, 200, full)
  }
  if (path === '/api/v1/sms') {
    if (method === 'GET') {
      const texts = store.texts().reverse()
      const to = url.searchParams.get('to')
      const found = to ? texts.filter((t) => t.To === to) : texts
      return send(res, 200, { total: texts.length, count: found.length, messages: found })
    }
    if (method === 'DELETE') {
      store.deleteTexts()
      return send(res, 200, 'ok', 'text/plain')
    }
    if (method === 'POST') return postSms(store, req, res)
  }
  return send(res, 404, { error: 'not found' })
}

/** The local SMS provider's endpoint: `{to, body, from?, idempotency_key?}`. */
async function postSms(store: CatcherStore, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req)
  if (
    !isRecord(body) ||
    typeof body.to !== 'string' ||
    typeof body.body !== 'string' ||
    !body.to.trim()
  ) {
    return send(res, 400, { error: 'to and body are required strings' })
  }
  const key = body.idempotency_key
  const { sms, duplicate } = store.addSms({
    To: body.to.trim(),
    From: typeof body.from === 'string' ? body.from : '',
    Body: body.body,
    IdempotencyKey: typeof key === 'string' && key ? key : null,
  })
  return send(res, duplicate ? 200 : 201, sms)
}

export interface RunningHttp {
  port: number
  close(): Promise<void>
}

/** The catcher's web page and JSON API (Mailpit's /api/v1 names for e-mail; /api/v1/sms for texts). */
export function startCatcherHttp(
  store: CatcherStore,
  host: string,
  port: number,
  log: Logger,
): Promise<RunningHttp> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://catcher')
    route(store, req, res, url).catch((error: Error) => {
      log.debug('bad catcher request', { error: error.message })
      if (!res.headersSent) send(res, 400, { error: error.message })
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
